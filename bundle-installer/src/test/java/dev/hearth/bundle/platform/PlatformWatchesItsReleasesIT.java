package dev.hearth.bundle.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
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
import dev.hearth.core.status.ReadyCondition;
import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.core.testing.TestKubernetes;
import dev.hearth.core.upstream.Flux;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The Platform follows its HelmReleases by watching them: with both resyncs at ten minutes, a rollout under the real
 * helm-controller still reaches BundleReady (each component's release is written when helm-controller reports its
 * dependencies Ready), and a release that stops being Ready while the Platform is Ready, or becomes Ready again, shows
 * in the Platform's status within seconds. The release's status is written here as helm-controller writes it (the
 * release is suspended, so the real helm-controller leaves it alone).
 */
@QuarkusTest
@TestProfile(PlatformWatchesItsReleasesIT.NoPolling.class)
@QuarkusTestResource(
        value = KubeApiServerTestResource.class,
        initArgs = {@ResourceArg(name = "flux", value = "true"), @ResourceArg(name = "upstreamCrds", value = "all")})
@QuarkusTestResource(FluxBundleResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformWatchesItsReleasesIT {
    private static final Duration RESYNC = Duration.ofMinutes(10);
    /** Far below either resync: only a watch event explains a change seen this soon. */
    private static final Duration SOON = Duration.ofSeconds(10);

    private static final KubernetesClient CLIENT = TestKubernetes.shared().client();

    public static class NoPolling implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "hearth.bundle.resync-when-ready", RESYNC.toString(),
                    "hearth.bundle.resync-while-rolling-out", RESYNC.toString());
        }
    }

    @ConfigProperty(name = "hearth.bundle.resync-when-ready")
    Duration whenReady;

    @ConfigProperty(name = "hearth.bundle.resync-while-rolling-out")
    Duration whileRollingOut;

    @BeforeAll
    static void noPlatformYet() {
        Fixtures.ensureInstallerNamespace(CLIENT);
        InstallerKilledIT.removeTheBundle();
    }

    @AfterAll
    static void removeIt() {
        suspend("base-config", false);
        InstallerKilledIT.removeTheBundle();
    }

    @Test
    @Order(1)
    void aRolloutAdvancesOnHelmControllersReportsAlone() {
        // the profile's resyncs are the ones the reconciler runs with (the test resources set their own)
        assertThat(whenReady).isEqualTo(RESYNC);
        assertThat(whileRollingOut).isEqualTo(RESYNC);

        CLIENT.resource(PlatformThroughFluxIT.platform(PlatformSpec.Mode.Auto, null, Map.of()))
                .fieldManager("test-admin")
                .forceConflicts()
                .serverSideApply();

        // widget-app is written only once widget-operator is Ready, which only helm-controller's report can tell
        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> readyAt("BundleReady"));
        assertThat(InstallerKilledIT.releases().keySet())
                .containsExactlyInAnyOrder(
                        "base-config", "widget-crds", "widget-operator", "extra-config", "widget-app");
    }

    @Test
    @Order(2)
    void aReleaseThatStopsBeingReadyShowsInTheReadyPlatformWithinSeconds() {
        assertThat(readyAt("BundleReady"))
                .as("Ready before the release changes")
                .isTrue();
        Instant start = Instant.now();
        // a new generation: Flux's Ready describes the spec before it, so the component is not ready any more
        suspend("base-config", true);

        await().atMost(SOON).pollInterval(Duration.ofMillis(100)).until(() -> readyAt("RollingOut"));
        assertThat(component("base-config").ready).isFalse();
        System.out.printf(
                "release changed -> Platform RollingOut: %d ms%n",
                Duration.between(start, Instant.now()).toMillis());
    }

    @Test
    @Order(3)
    void aReleaseThatBecomesReadyAgainMakesThePlatformReadyWithinSeconds() {
        Instant start = Instant.now();
        report("base-config", "True", "UpgradeSucceeded", "Helm upgrade succeeded");

        await().atMost(SOON).pollInterval(Duration.ofMillis(100)).until(() -> readyAt("BundleReady"));
        assertThat(component("base-config").ready).isTrue();
        System.out.printf(
                "release Ready -> Platform BundleReady: %d ms%n",
                Duration.between(start, Instant.now()).toMillis());
    }

    @Test
    @Order(4)
    void aReleaseThatFailsShowsItsMessageWithinSeconds() {
        Instant start = Instant.now();
        report("base-config", "False", "UpgradeFailed", "Helm upgrade failed: the test broke it");

        await().atMost(SOON)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> readyAt("RollingOut")
                        && component("base-config").message.contains("the test broke it"));
        assertThat(component("base-config").phase).isEqualTo("Upgrading");
        System.out.printf(
                "release failed -> Platform RollingOut with Flux's message: %d ms%n",
                Duration.between(start, Instant.now()).toMillis());
    }

    /**
     * Suspends the release, or resumes it, with a merge patch: no resource version, so a write of the release since it
     * was read (helm-controller's status, the installer's) is no conflict.
     */
    static void suspend(String name, boolean suspend) {
        if (release(name).get() != null) {
            release(name)
                    .patch(
                            PatchContext.of(PatchType.JSON_MERGE),
                            "{\"spec\":{\"suspend\":" + (suspend ? "true" : "null") + "}}");
        }
    }

    /** Ready as helm-controller reports it on the release's current generation, its history kept. */
    @SuppressWarnings("unchecked")
    private static void report(String name, String ready, String reason, String message) {
        // a patch, not an update: a write of the release since it was read (helm-controller's, the installer's) is no
        // conflict
        release(name).editStatus(release -> {
            long generation = release.getMetadata().getGeneration();
            Map<String, Object> status = new HashMap<>(
                    (Map<String, Object>) release.getAdditionalProperties().get("status"));
            status.put("observedGeneration", generation);
            status.put(
                    "conditions",
                    List.of(Map.of(
                            "type", "Ready",
                            "status", ready,
                            "reason", reason,
                            "message", message,
                            "observedGeneration", generation,
                            "lastTransitionTime",
                                    Instant.now()
                                            .truncatedTo(ChronoUnit.SECONDS)
                                            .toString())));
            release.getAdditionalProperties().put("status", status);
            return release;
        });
    }

    private static boolean readyAt(String reason) {
        Platform platform = CLIENT.resources(Platform.class).withName("hearth").get();
        return platform != null
                && platform.getStatus() != null
                && ReadyCondition.find(platform.getStatus().conditions, ReadyCondition.TYPE)
                        .map(c -> reason.equals(c.getReason())
                                && platform.getMetadata().getGeneration().equals(c.getObservedGeneration()))
                        .orElse(false);
    }

    private static PlatformStatus.ComponentStatus component(String name) {
        return CLIENT.resources(Platform.class)
                .withName("hearth")
                .get()
                .getStatus()
                .components
                .get(name);
    }

    private static io.fabric8.kubernetes.client.dsl.Resource<Flux.HelmRelease> release(String name) {
        return CLIENT.resources(Flux.HelmRelease.class)
                .inNamespace(BundleLabels.NAMESPACE)
                .withName(name);
    }
}
