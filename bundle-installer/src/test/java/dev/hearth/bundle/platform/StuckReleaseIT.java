package dev.hearth.bundle.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.hearth.bundle.Fixtures;
import dev.hearth.bundle.render.BundleLabels;
import dev.hearth.core.api.platform.Platform;
import dev.hearth.core.api.platform.PlatformSpec;
import dev.hearth.core.api.platform.PlatformStatus;
import dev.hearth.core.testing.AuditLog;
import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.core.testing.TestKubernetes;
import dev.hearth.core.upstream.Flux;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Stuck releases, on the real API server: Helm's lock and "no deployed releases" with the release's status written
 * here as helm-controller writes it (the release is suspended, so the real helm-controller leaves it alone; helm-
 * controller 1.4 unlocks a stale pending release by itself, so the lock is not produced with it), and retries
 * exhausted with the real helm-controller. The installer resets and forces a release once per distinct stuck state,
 * says so in the component's status and an Event, and writes nothing more while the state stays the same.
 */
@QuarkusTest
@QuarkusTestResource(
        value = KubeApiServerTestResource.class,
        initArgs = {@ResourceArg(name = "flux", value = "true"), @ResourceArg(name = "upstreamCrds", value = "all")})
@QuarkusTestResource(FluxBundleResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StuckReleaseIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final KubernetesClient CLIENT = TestKubernetes.shared().client();
    private static final String LOCKED = "Helm upgrade failed for release bt-base/base-config with chart"
            + " base-config@1.0.0: another operation (install/upgrade/rollback) is in progress";
    private static final String NO_DEPLOYED = "Helm upgrade failed: \"base-config\" has no deployed releases";

    @BeforeAll
    static void aPlatformWhoseFirstReleaseExists() {
        Fixtures.ensureInstallerNamespace(CLIENT);
        InstallerKilledIT.removeTheBundle();
        CLIENT.resource(PlatformThroughFluxIT.platform(PlatformSpec.Mode.Auto, null, Map.of()))
                .fieldManager("test-admin")
                .forceConflicts()
                .serverSideApply();
        // installed first: helm-controller ends the attempt it is in with a status write, which would replace the
        // status written here
        await().atMost(TIMEOUT)
                .until(() -> InstallerKilledIT.releases().containsKey("base-config")
                        && dev.hearth.core.upstream.FluxReady.of(
                                        InstallerKilledIT.releases().get("base-config"))
                                .isTrue());
        PlatformWatchesItsReleasesIT.suspend("base-config", true);
    }

    @AfterAll
    static void removeIt() {
        InstallerKilledIT.removeTheBundle();
    }

    @Test
    @Order(1)
    void helmsLockLeftByAKilledUpgradeIsResetAndForcedOnceAndSaidInTheStatusAndAnEvent() {
        stuck(List.of(
                condition("Ready", "False", "UpgradeFailed", LOCKED),
                condition("Released", "False", "UpgradeFailed", LOCKED)));

        String token = awaitRemediated(LOCKED);
        assertThat(events()).containsExactly("base-config: " + component().message);
        assertThat(component().message).contains(LOCKED, "retryRequest");

        int seen = AuditLog.read(TestKubernetes.shared().auditLog()).size();
        // helm-controller reporting the same state again, each report a pass (the release is watched): not reset again
        for (int report = 0; report < 3; report++) {
            await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
            stuck(List.of(
                    condition("Ready", "False", "UpgradeFailed", LOCKED),
                    condition("Released", "False", "UpgradeFailed", LOCKED)));
            int reports = report + 1;
            await().atMost(TIMEOUT).until(() -> passes(seen) >= reports);
        }
        assertThat(writesOfTheRelease(seen)).isEmpty();
        assertThat(annotations()).containsEntry("reconcile.fluxcd.io/resetAt", token);
        assertThat(events()).hasSize(1);
    }

    @Test
    @Order(2)
    void anotherStuckStateIsRemediatedOnceMore() {
        String before = annotations().get("reconcile.fluxcd.io/forceAt");

        stuck(List.of(condition("Ready", "False", "UpgradeFailed", NO_DEPLOYED)));

        String token = awaitRemediated(NO_DEPLOYED);
        assertThat(token).isNotEqualTo(before);
        assertThat(events()).hasSize(2);
    }

    @Test
    @Order(3)
    void retriesExhaustedOutsideABundleUpgradeAreResetOnceTooAndARetryRequestStillCounts() {
        stuck(List.of(
                condition(
                        "Ready", "False", "InstallFailed", "Helm install failed: timed out waiting for the condition"),
                condition("Stalled", "True", "RetriesExceeded", "Failed to install after 4 attempt(s)")));

        String token = awaitRemediated("RetriesExceeded: Failed to install after 4 attempt(s)");
        assertThat(events()).hasSize(3);

        PlatformSpec.Component retry = new PlatformSpec.Component();
        retry.retryRequest = "try-2";
        CLIENT.resource(PlatformThroughFluxIT.platform(PlatformSpec.Mode.Auto, null, Map.of("base-config", retry)))
                .fieldManager("test-admin")
                .forceConflicts()
                .serverSideApply();
        await().atMost(TIMEOUT)
                .untilAsserted(
                        () -> assertThat(annotations()).containsEntry("reconcile.fluxcd.io/resetAt", "try-2-" + token));
        assertThat(events()).hasSize(3);
    }

    @Test
    @Order(4)
    void underRealFluxAReleaseThatExhaustedItsRetriesIsResetOnceAndLeftFailedWhenItFailsTheSameWayAgain() {
        // helm-controller uninstalls what it deletes only when not suspended
        PlatformWatchesItsReleasesIT.suspend("base-config", false);
        InstallerKilledIT.removeTheBundle();
        // 3.0.0 from scratch: the API server refuses widget-app's Widget, so every install fails; no bundle upgrade
        Platform fresh = PlatformThroughFluxIT.platform(PlatformSpec.Mode.Auto, null, Map.of());
        fresh.getSpec().bundle.version = "3.0.0";
        CLIENT.resource(fresh).fieldManager("test-admin").forceConflicts().serverSideApply();

        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(component("widget-app").reason).isEqualTo("StuckReleaseRemediated"));
        String state = annotations("widget-app").get(StuckReleases.REMEDIATED);
        assertThat(component("widget-app").message).contains(state);
        // the reset answered Flux giving up, in the words the pass saw first (the watch shows each status write):
        // the install failures past the retries, or Stalled RetriesExceeded; helm-controller may have tried again since
        assertThat(events())
                .anySatisfy(e -> assertThat(e)
                        .startsWith("widget-app:")
                        .contains("(" + state + ")")
                        .containsAnyOf("InstallFailed", "RetriesExceeded"));
        // helm-controller took the reset and the force, tried again and gave up again the same way
        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    Flux.HelmRelease release = release("widget-app");
                    return state.equals(dev.hearth.core.upstream.GenericFields.string(
                                            release, "status", "lastHandledResetAt")
                                    .orElse(""))
                            && ComponentReleases.gaveUp(release);
                });
        await().pollDelay(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(20)).until(() -> true);
        assertThat(annotations("widget-app")).containsEntry("reconcile.fluxcd.io/forceAt", state);
        // Flux's words change (the forced attempt fails in its rollback: MissingRollbackTarget), said in the status
        // and an Event, but it is the same state: no second reset
        assertThat(events())
                .filteredOn(e -> e.startsWith("widget-app:"))
                .isNotEmpty()
                .allMatch(e -> e.contains("(" + state + ")"));
        assertThat(component("widget-app").phase).isEqualTo("Failed");
    }

    /** Waits for the remediation of the state Flux describes with {@code quote}; returns the reset token. */
    private static String awaitRemediated(String quote) {
        await().atMost(TIMEOUT).untilAsserted(() -> {
            PlatformStatus.ComponentStatus c = component();
            assertThat(c.reason).isEqualTo("StuckReleaseRemediated");
            assertThat(c.message).contains(quote);
        });
        Map<String, String> annotations = annotations();
        String state = annotations.get(StuckReleases.REMEDIATED);
        assertThat(component().message).contains(state);
        assertThat(annotations)
                .containsEntry("reconcile.fluxcd.io/requestedAt", state)
                .containsEntry("reconcile.fluxcd.io/resetAt", state)
                .containsEntry("reconcile.fluxcd.io/forceAt", state);
        return state;
    }

    /** The release's status as helm-controller writes it, for its current generation. */
    private static void stuck(List<Map<String, Object>> conditions) {
        // fabric8's edit patches with the resourceVersion it read: a write of the release since (helm-controller ending
        // the attempt it was in, the installer) is a conflict, and the status is written again on the newer release
        await().atMost(TIMEOUT)
                .ignoreExceptionsMatching(
                        e -> e instanceof KubernetesClientException k && k.getCode() == HttpURLConnection.HTTP_CONFLICT)
                .until(() -> {
                    writeStatus(conditions);
                    return true;
                });
    }

    private static void writeStatus(List<Map<String, Object>> conditions) {
        CLIENT.resources(Flux.HelmRelease.class)
                .inNamespace(BundleLabels.NAMESPACE)
                .withName("base-config")
                .editStatus(release -> {
                    long generation = release.getMetadata().getGeneration();
                    conditions.forEach(c -> c.put("observedGeneration", generation));
                    release.getAdditionalProperties()
                            .put(
                                    "status",
                                    Map.of(
                                            "observedGeneration",
                                            generation,
                                            "conditions",
                                            conditions,
                                            "upgradeFailures",
                                            1));
                    return release;
                });
    }

    private static Map<String, Object> condition(String type, String status, String reason, String message) {
        return new java.util.HashMap<>(Map.of(
                "type", type,
                "status", status,
                "reason", reason,
                "message", message,
                "lastTransitionTime",
                        java.time.Instant.now()
                                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                                .toString()));
    }

    /** The installer's passes after the first {@code seen} requests: each looks at widget-crds' CRD once. */
    private static long passes(int seen) {
        List<AuditLog.Request> all = AuditLog.read(TestKubernetes.shared().auditLog());
        return all.subList(seen, all.size()).stream()
                .filter(r -> r.user().equals("system:serviceaccount:hearth-system:bundle-installer"))
                .filter(r -> "get".equals(r.verb())
                        && "customresourcedefinitions".equals(r.resource())
                        && "widgets.example.org".equals(r.name()))
                .count();
    }

    private static List<AuditLog.Request> writesOfTheRelease(int seen) {
        List<AuditLog.Request> all = AuditLog.read(TestKubernetes.shared().auditLog());
        return all.subList(seen, all.size()).stream()
                .filter(r -> r.user().equals("system:serviceaccount:hearth-system:bundle-installer"))
                .filter(r -> "helmreleases".equals(r.resource()))
                .filter(r -> Set.of("create", "update", "patch", "delete").contains(r.verb()))
                .toList();
    }

    private static List<String> events() {
        return CLIENT.v1().events().inNamespace("default").list().getItems().stream()
                .filter(e -> "StuckReleaseRemediated".equals(e.getReason())
                        && "hearth".equals(e.getInvolvedObject().getName()))
                .map(e -> e.getMessage())
                .toList();
    }

    private static PlatformStatus.ComponentStatus component() {
        return component("base-config");
    }

    private static PlatformStatus.ComponentStatus component(String name) {
        Platform platform = CLIENT.resources(Platform.class).withName("hearth").get();
        return platform.getStatus() == null
                ? new PlatformStatus.ComponentStatus()
                : platform.getStatus().components.getOrDefault(name, new PlatformStatus.ComponentStatus());
    }

    private static Map<String, String> annotations() {
        return annotations("base-config");
    }

    private static Map<String, String> annotations(String name) {
        Map<String, String> annotations = release(name).getMetadata().getAnnotations();
        return annotations == null ? Map.of() : annotations;
    }

    private static Flux.HelmRelease release(String name) {
        return CLIENT.resources(Flux.HelmRelease.class)
                .inNamespace(BundleLabels.NAMESPACE)
                .withName(name)
                .get();
    }
}
