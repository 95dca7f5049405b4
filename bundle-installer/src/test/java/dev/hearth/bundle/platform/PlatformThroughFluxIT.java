package dev.hearth.bundle.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
import dev.hearth.core.testing.AuditLog;
import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.core.testing.TestKubernetes;
import dev.hearth.core.upstream.Flux;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A Platform of six local charts in three levels, installed by the real source-controller and helm-controller: each
 * component's release appears only once its dependencies are really ready (widget-app's Widget needs widget-crds'
 * CRD), Manual waits for the plan's hash, and disabling a component prunes it.
 */
@QuarkusTest
@QuarkusTestResource(
        value = KubeApiServerTestResource.class,
        initArgs = {@ResourceArg(name = "flux", value = "true"), @ResourceArg(name = "upstreamCrds", value = "all")})
@QuarkusTestResource(FluxBundleResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformThroughFluxIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(4);
    private static final KubernetesClient CLIENT = TestKubernetes.shared().client();

    @BeforeAll
    static void installerNamespace() {
        Fixtures.ensureInstallerNamespace(CLIENT);
    }

    @Test
    @Order(1)
    void manualWaitsForThePlanToBeApproved() {
        apply(platform(PlatformSpec.Mode.Manual, null, Map.of()));

        Platform waiting = awaitReason("AwaitingApproval");
        assertThat(waiting.getStatus().plan.steps).contains("create base-config 1.0.0", "create widget-crds 1.0.0");
        assertThat(releases()).isEmpty();
    }

    @Test
    @Order(2)
    void anApprovedPlanInstallsEachComponentOnlyAfterItsDependenciesAreReady() {
        String hash = get().getStatus().plan.hash;
        Map<String, Instant> created = new ConcurrentHashMap<>();
        Map<String, Instant> ready = new ConcurrentHashMap<>();

        apply(platform(PlatformSpec.Mode.Manual, hash, Map.of()));
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (Flux.HelmRelease release : releases().values()) {
                String name = release.getMetadata().getName();
                created.putIfAbsent(name, Instant.parse(release.getMetadata().getCreationTimestamp()));
                if (dev.hearth.core.upstream.FluxReady.of(release).isTrue()) {
                    ready.putIfAbsent(name, Instant.now());
                }
            }
            return ReadyCondition.find(get().getStatus().conditions, ReadyCondition.TYPE)
                    .map(c -> "BundleReady".equals(c.getReason()))
                    .orElse(false);
        });

        assertThat(created.keySet())
                .containsExactlyInAnyOrder(
                        "base-config", "widget-crds", "widget-operator", "extra-config", "widget-app");
        // created (second precision) no earlier than its dependencies were seen ready
        assertThat(created.get("widget-operator")).isAfterOrEqualTo(truncated(ready.get("widget-crds")));
        assertThat(created.get("widget-app")).isAfterOrEqualTo(truncated(ready.get("widget-operator")));
        assertThat(CLIENT.genericKubernetesResources("example.org/v1", "Widget")
                        .inNamespace("bt-app")
                        .withName("the-widget")
                        .get())
                .isNotNull();
        PlatformStatus status = get().getStatus();
        assertThat(status.components.get("widget-app").chartVersion).isEqualTo("1.0.0");
        assertThat(status.history).hasSize(1);
        // kubectl describe platform hearth tells the story
        assertThat(events()).contains("Warning AwaitingApproval", "Normal ComponentPending", "Normal BundleReady");
        assertThat(CLIENT.v1().events().inNamespace("default").list().getItems().stream()
                        .filter(e -> "ComponentReady".equals(e.getReason()))
                        .map(e -> e.getMessage().substring(0, e.getMessage().indexOf(' '))))
                .contains("base-config", "widget-crds", "widget-operator", "extra-config", "widget-app");
        assertThat(CLIENT.namespaces().withName("bt-crds").get().getMetadata().getLabels())
                .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
    }

    @Test
    @Order(3)
    void aReconcileWithNothingToChangeWritesNothing() {
        // Ready since the last test; the installer looks again every few seconds here (resync-when-ready)
        int seen = AuditLog.read(TestKubernetes.shared().auditLog()).size();
        await().atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> passes(installerRequests(seen)) >= 3);

        List<AuditLog.Request> passes = installerRequests(seen);
        // three passes read the releases, sources and namespaces from the informers' caches (no list), and wrote
        // none of them, nor the Platform's status
        assertThat(passes)
                .filteredOn(r -> "list".equals(r.verb()))
                .extracting(AuditLog.Request::resource)
                .doesNotContain("helmreleases", "helmrepositories", "namespaces");
        assertThat(passes)
                .filteredOn(r -> Set.of("create", "update", "patch", "delete").contains(r.verb()))
                .isEmpty();
        System.out.printf("idle reconcile: %d passes, %d requests, 0 writes%n", passes(passes), passes.size());
    }

    /** Passes of the reconciler: each looks at widget-crds' readiness expression, its CRD, once. */
    private static long passes(List<AuditLog.Request> requests) {
        return requests.stream()
                .filter(r -> "get".equals(r.verb())
                        && "customresourcedefinitions".equals(r.resource())
                        && "widgets.example.org".equals(r.name()))
                .count();
    }

    @Test
    @Order(4)
    void valuesTheChartsSchemaRefusesAreRefusedBeforeAnythingIsWritten() {
        int seen = AuditLog.read(TestKubernetes.shared().auditLog()).size();
        PlatformSpec.Component extra = component(true);
        // extra-config's values.schema.json wants a string there
        extra.values = new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode()
                .put("setting", 42);
        apply(platform(PlatformSpec.Mode.Auto, null, Map.of("extra-config", extra)));

        await().atMost(TIMEOUT).until(() -> readyAt(get(), "InvalidValues"));
        assertThat(ReadyCondition.find(get().getStatus().conditions, ReadyCondition.TYPE)
                        .orElseThrow()
                        .getMessage())
                .contains("component extra-config: values key setting: integer found, string expected");
        assertThat(installerRequests(seen))
                .filteredOn(r -> Set.of("create", "update", "patch", "delete").contains(r.verb()))
                .extracting(AuditLog.Request::resource)
                .doesNotContain("helmreleases", "helmrepositories", "namespaces");
        assertThat(releases().get("extra-config").getAdditionalProperties().toString())
                .doesNotContain("setting");
    }

    @Test
    @Order(5)
    void enablingAnOptionalComponentAndDisablingAnotherInstallsOneAndPrunesTheOther() {
        Map<String, PlatformSpec.Component> components = new HashMap<>();
        components.put("dashboard", component(true));
        components.put("widget-app", component(false));
        // dashboard depends on widget-app: a required dependency disabled holds it back, said in its status
        components.put("extra-config", component(true));
        apply(platform(PlatformSpec.Mode.Auto, null, components));

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(releases()).doesNotContainKey("widget-app");
            PlatformStatus.ComponentStatus dashboard =
                    get().getStatus().components.get("dashboard");
            assertThat(dashboard.waitingFor).contains("widget-app");
        });
    }

    @Test
    @Order(6)
    void aVersionBumpUpgradesEachComponentOnlyAfterItsDependenciesAreReadyAtTheirNewVersion() {
        apply(platform("1.0.0", Map.of()));
        awaitBundleReady("1.0.0");

        apply(platform("2.0.0", Map.of()));
        Set<String> mixed = ConcurrentHashMap.newKeySet();
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
            // the Platform first, then the releases: a Platform Ready at this generation must find them all upgraded
            Platform platform = get();
            boolean bundleReady = readyAt(platform, "BundleReady");
            Map<String, Flux.HelmRelease> releases = releases();
            for (Flux.HelmRelease release : releases.values()) {
                if ("2.0.0".equals(specVersion(release))) {
                    // one list is one snapshot: a release asks for 2.0.0 only once its dependencies run it
                    for (String dependency :
                            DEPENDS_ON.getOrDefault(release.getMetadata().getName(), List.of())) {
                        assertThat(ComponentReleases.deployedVersion(releases.get(dependency)))
                                .as(
                                        "%s upgraded before its dependency %s",
                                        release.getMetadata().getName(), dependency)
                                .contains("2.0.0");
                    }
                }
            }
            platform.getStatus().components.forEach((name, c) -> {
                if ("1.0.0".equals(c.chartVersion) && "2.0.0".equals(c.wantedChartVersion)) {
                    mixed.add(name);
                }
            });
            if (bundleReady) {
                assertThat(releases.values())
                        .allSatisfy(r ->
                                assertThat(ComponentReleases.deployedVersion(r)).contains("2.0.0"));
            }
            return bundleReady && "2.0.0".equals(platform.getStatus().version);
        });

        // widget-app waited at 1.0.0 for widget-operator's upgrade, and the status said which it has and wants
        assertThat(mixed).contains("widget-app");
        PlatformStatus status = get().getStatus();
        assertThat(status.components.values()).allSatisfy(c -> {
            assertThat(c.chartVersion).isEqualTo("2.0.0");
            assertThat(c.wantedChartVersion).isEqualTo("2.0.0");
        });
        assertThat(status.history.get(0).version).isEqualTo("2.0.0");
        assertThat(CLIENT.configMaps()
                        .inNamespace("bt-operator")
                        .withName("widget-operator")
                        .get()
                        .getData())
                .containsEntry("chartVersion", "2.0.0");
    }

    @Test
    @Order(7)
    void aFailedUpgradeGoesBackToTheLastGoodRevisionDependentsFirstKeepingTheNewerCrdAndItsOwnValues() {
        // values that came with the upgrade: the last good revision (2.0.0) had none for base-config
        apply(platform("3.0.0", Map.of("base-config", setting("three"))));
        Set<String> wentUp = ConcurrentHashMap.newKeySet();
        Set<String> settings = ConcurrentHashMap.newKeySet();
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
            Platform platform = get();
            Map<String, Flux.HelmRelease> releases = releases();
            settings.add(baseConfigSetting());
            releases.forEach((name, release) -> {
                if ("3.0.0".equals(specVersion(release))) {
                    wentUp.add(name);
                } else if (wentUp.contains(name) && "2.0.0".equals(specVersion(release))) {
                    // one list is one snapshot: a release goes back only once what depends on it runs 2.0.0 again
                    DEPENDS_ON.forEach((dependent, dependencies) -> {
                        if (dependencies.contains(name)) {
                            assertThat(ComponentReleases.deployedVersion(releases.get(dependent)))
                                    .as("%s went back before its dependent %s", name, dependent)
                                    .contains("2.0.0");
                        }
                    });
                }
            });
            return readyAt(platform, "RolledBack");
        });

        assertThat(wentUp).contains("widget-crds", "widget-operator", "widget-app");
        PlatformStatus status = get().getStatus();
        assertThat(status.history.get(0).version).isEqualTo("2.0.0");
        assertThat(status.history.get(0).result).isEqualTo("RolledBack");
        assertThat(status.history.get(1).version).isEqualTo("3.0.0");
        assertThat(status.history.get(1).result).isEqualTo("Failed");
        assertThat(status.history.get(1).message).contains("widget-app");
        assertThat(ReadyCondition.find(status.conditions, ReadyCondition.TYPE)
                        .orElseThrow()
                        .getMessage())
                .contains("3.0.0 failed", "rolled back to 2.0.0");
        assertThat(releases().values())
                .allSatisfy(
                        r -> assertThat(ComponentReleases.deployedVersion(r)).contains("2.0.0"));
        // Helm installed widget-crds 2.0.0 again without its older CRD: the field 3.0.0 added is still served
        assertThat(CLIENT.apiextensions()
                        .v1()
                        .customResourceDefinitions()
                        .withName("widgets.example.org")
                        .get()
                        .getSpec()
                        .getVersions()
                        .get(0)
                        .getSchema()
                        .getOpenAPIV3Schema()
                        .getProperties()
                        .get("spec")
                        .getProperties())
                .containsKey("color");
        assertThat(events()).contains("Warning UpgradeFailed", "Warning RolledBack", "Warning ComponentFailed");
        // the upgrade applied its values, the rollback took them back with the rest of 2.0.0
        assertThat(settings).contains("three");
        assertThat(baseConfigSetting()).isEqualTo("default");
        assertThat(releases().get("base-config").getAdditionalProperties().toString())
                .doesNotContain("three");
        assertThat(status.history
                        .get(1)
                        .components
                        .get("base-config")
                        .values
                        .get("setting")
                        .asText())
                .isEqualTo("three");
    }

    @Test
    @Order(8)
    void withManualTheRollbackOfAFailedUpgradeWaitsForItsOwnPlanToBeApproved() {
        // other values than the upgrade that failed before: a new plan, tried again once approved
        Map<String, PlatformSpec.Component> components = Map.of("base-config", setting("manual"));
        Platform upgrade = platform("3.0.0", components);
        upgrade.getSpec().upgradePolicy.mode = PlatformSpec.Mode.Manual;
        apply(upgrade);
        await().atMost(TIMEOUT).until(() -> readyAt(get(), "AwaitingApproval"));
        upgrade.getSpec().upgradePolicy.approvedPlan = get().getStatus().plan.hash;
        apply(upgrade);

        // the upgrade fails as before; its rollback is a plan of its own, not approved yet
        await().atMost(TIMEOUT)
                .until(() -> readyAt(get(), "AwaitingApproval")
                        && get().getStatus().history.get(0).result.equals("Failed"));
        PlatformStatus waiting = get().getStatus();
        assertThat(waiting.plan.hash).isNotEqualTo(upgrade.getSpec().upgradePolicy.approvedPlan);
        assertThat(waiting.plan.approved).isFalse();
        assertThat(waiting.plan.steps)
                .anySatisfy(step -> assertThat(step).startsWith("upgrade widget-app 3.0.0 -> 2.0.0"));
        assertThat(ReadyCondition.find(waiting.conditions, ReadyCondition.TYPE)
                        .orElseThrow()
                        .getMessage())
                .contains("3.0.0 failed", "the rollback to 2.0.0", waiting.plan.hash);
        int seen = AuditLog.read(TestKubernetes.shared().auditLog()).size();
        // a while of helm-controller's reports: nothing goes back
        await().pollDelay(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(20)).until(() -> true);
        assertThat(installerRequests(seen))
                .filteredOn(r -> Set.of("create", "update", "patch", "delete").contains(r.verb()))
                .extracting(AuditLog.Request::resource)
                .doesNotContain("helmreleases");
        assertThat(specVersion(releases().get("widget-operator"))).isEqualTo("3.0.0");
        assertThat(baseConfigSetting()).isEqualTo("manual");

        upgrade.getSpec().upgradePolicy.approvedPlan = waiting.plan.hash;
        apply(upgrade);
        await().atMost(TIMEOUT).until(() -> readyAt(get(), "RolledBack"));
        assertThat(releases().values())
                .allSatisfy(
                        r -> assertThat(ComponentReleases.deployedVersion(r)).contains("2.0.0"));
        assertThat(baseConfigSetting()).isEqualTo("default");
        assertThat(get().getStatus().history.get(0).result).isEqualTo("RolledBack");
    }

    @Test
    @Order(9)
    void aFailedUpgradeIsNotRolledBackAcrossAMigrationItDeployed() {
        apply(platform("4.0.0", Map.of()));

        Platform refused = awaitReason("RollbackRefused");
        assertThat(ReadyCondition.find(refused.getStatus().conditions, ReadyCondition.TYPE)
                        .orElseThrow()
                        .getMessage())
                .contains("widget-operator 4.0.0", "rewrites its widget store", "2.0.0");
        assertThat(refused.getStatus().migrations).anySatisfy(m -> {
            assertThat(m.component).isEqualTo("widget-operator");
            assertThat(m.chartVersion).isEqualTo("4.0.0");
        });
        assertThat(refused.getStatus().history.get(0).version).isEqualTo("4.0.0");
        assertThat(refused.getStatus().history.get(0).result).isEqualTo("Failed");
        // nothing went back: widget-operator still runs what migrated its data
        assertThat(specVersion(releases().get("widget-operator"))).isEqualTo("4.0.0");
        assertThat(events()).contains("Warning RollbackRefused");
    }

    /** The Platform's events (a cluster-scoped object's are in default), as "type reason". */
    private static List<String> events() {
        return CLIENT.v1().events().inNamespace("default").list().getItems().stream()
                .filter(e -> "Platform".equals(e.getInvolvedObject().getKind())
                        && "hearth".equals(e.getInvolvedObject().getName()))
                .map(e -> e.getType() + " " + e.getReason())
                .toList();
    }

    private static final Map<String, List<String>> DEPENDS_ON = Map.of(
            "widget-operator", List.of("widget-crds", "base-config"),
            "extra-config", List.of("base-config"),
            "widget-app", List.of("widget-operator"));

    private static String specVersion(Flux.HelmRelease release) {
        return dev.hearth.core.upstream.GenericFields.string(release, "spec", "chart", "spec", "version")
                .orElse("");
    }

    static boolean readyAt(Platform platform, String reason) {
        return platform != null
                && platform.getStatus() != null
                && ReadyCondition.find(platform.getStatus().conditions, ReadyCondition.TYPE)
                        .map(c -> reason.equals(c.getReason())
                                && c.getObservedGeneration() != null
                                && c.getObservedGeneration()
                                        .equals(platform.getMetadata().getGeneration()))
                        .orElse(false);
    }

    /** What the installer asked the API server after the first {@code seen} requests of the audit log. */
    static List<AuditLog.Request> installerRequests(int seen) {
        List<AuditLog.Request> all = AuditLog.read(TestKubernetes.shared().auditLog());
        return all.subList(seen, all.size()).stream()
                .filter(r -> r.user().equals("system:serviceaccount:hearth-system:bundle-installer"))
                .toList();
    }

    private static void awaitBundleReady(String version) {
        await().atMost(TIMEOUT).until(() -> readyAt(get(), "BundleReady") && version.equals(get().getStatus().version));
    }

    private static Platform platform(String version, Map<String, PlatformSpec.Component> components) {
        Platform platform = platform(PlatformSpec.Mode.Auto, null, components);
        platform.getSpec().bundle.version = version;
        return platform;
    }

    /** base-config with its chart's one value set. */
    private static PlatformSpec.Component setting(String value) {
        PlatformSpec.Component component = new PlatformSpec.Component();
        component.values = new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode()
                .put("setting", value);
        return component;
    }

    private static String baseConfigSetting() {
        var configMap = CLIENT.configMaps()
                .inNamespace("bt-base")
                .withName("base-config")
                .get();
        return configMap == null ? null : configMap.getData().get("setting");
    }

    private static PlatformSpec.Component component(boolean enabled) {
        PlatformSpec.Component component = new PlatformSpec.Component();
        component.enabled = enabled;
        return component;
    }

    private static Instant truncated(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /** The Platform of the flux-test bundle 1.0.0 (InstallerKilledIT's too). */
    static Platform platform(PlatformSpec.Mode mode, String approved, Map<String, PlatformSpec.Component> components) {
        Platform platform = TestPlatforms.of("flux-test", mode, components);
        platform.getSpec().upgradePolicy.approvedPlan = approved;
        return platform;
    }

    private static void apply(Platform platform) {
        CLIENT.resource(platform).fieldManager("test-admin").forceConflicts().serverSideApply();
    }

    private static Platform get() {
        return CLIENT.resources(Platform.class).withName("hearth").get();
    }

    private static Platform awaitReason(String reason) {
        await().atMost(TIMEOUT)
                .until(() -> get() != null
                        && get().getStatus() != null
                        && ReadyCondition.find(get().getStatus().conditions, ReadyCondition.TYPE)
                                .map(c -> reason.equals(c.getReason()))
                                .orElse(false));
        return get();
    }

    private static Map<String, Flux.HelmRelease> releases() {
        Map<String, Flux.HelmRelease> releases = new HashMap<>();
        CLIENT.resources(Flux.HelmRelease.class)
                .inNamespace(BundleLabels.NAMESPACE)
                .withLabel(BundleLabels.BUNDLE, "flux-test")
                .list()
                .getItems()
                .forEach(r -> releases.put(r.getMetadata().getName(), r));
        return releases;
    }
}
