package dev.hearth.bundle.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.hearth.bundle.Fixtures;
import dev.hearth.bundle.render.BundleLabels;
import dev.hearth.core.api.platform.Platform;
import dev.hearth.core.api.platform.PlatformSpec;
import dev.hearth.core.status.ReadyCondition;
import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.core.testing.TestKubernetes;
import dev.hearth.core.testing.bench.ServiceProcess;
import dev.hearth.core.upstream.Flux;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The installer as deployed (its built jar, its own process, prod profile) killed with SIGKILL in the middle of
 * applying a bundle under real Flux, then started again: it converges, and the cluster holds each object once — one
 * HelmRelease and one Helm release record per component, one source, the bundle's namespaces and nothing else. The
 * Quarkus app of this test runs no operator, so the process is the only installer.
 */
@QuarkusTest
@TestProfile(InstallerKilledIT.OperatorInItsOwnProcess.class)
@QuarkusTestResource(
        value = KubeApiServerTestResource.class,
        initArgs = {@ResourceArg(name = "flux", value = "true"), @ResourceArg(name = "upstreamCrds", value = "all")})
@QuarkusTestResource(FluxBundleResource.class)
class InstallerKilledIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(4);
    private static final KubernetesClient CLIENT = TestKubernetes.shared().client();
    private static final Set<String> REQUIRED =
            Set.of("base-config", "widget-crds", "widget-operator", "extra-config", "widget-app");
    private static final Map<String, String> NAMESPACES = Map.of(
            "base-config", "bt-base",
            "widget-crds", "bt-crds",
            "widget-operator", "bt-operator",
            "extra-config", "bt-extra",
            "widget-app", "bt-app");

    public static class OperatorInItsOwnProcess implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.operator-sdk.start-operator", "false");
        }
    }

    @ConfigProperty(name = "hearth.bundle.directory")
    String bundles;

    @Test
    void killedMidApplyItConvergesAfterARestartWithEachObjectOnceAndNoneLeftOver() throws Exception {
        Fixtures.ensureInstallerNamespace(CLIENT);
        removeTheBundle();
        CLIENT.resource(platform()).fieldManager("test-admin").forceConflicts().serverSideApply();
        Path jar = ServiceProcess.builtJar("bundle-installer");
        List<String> properties = List.of("hearth.bundle.directory=" + bundles);

        try (ServiceProcess first = ServiceProcess.start(jar, TestKubernetes.shared(), properties)) {
            await().atMost(TIMEOUT)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> !releases().isEmpty());
            first.kill();
        }
        Set<String> whenKilled = releases().keySet();
        assertThat(whenKilled)
                .as("killed in the middle of the rollout")
                .isNotEmpty()
                .hasSizeLessThan(REQUIRED.size());

        try (ServiceProcess second = ServiceProcess.start(jar, TestKubernetes.shared(), properties)) {
            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(InstallerKilledIT::bundleReady);
        }

        assertThat(releases().keySet()).containsExactlyInAnyOrderElementsOf(REQUIRED);
        assertThat(CLIENT.resources(Flux.HelmRepository.class)
                        .inNamespace(BundleLabels.NAMESPACE)
                        .withLabel(BundleLabels.BUNDLE, "flux-test")
                        .list()
                        .getItems())
                .as("one source for the one chart repository")
                .hasSize(1);
        assertThat(CLIENT.namespaces().withLabel(BundleLabels.BUNDLE, "flux-test").list().getItems().stream()
                        .map(n -> n.getMetadata().getName())
                        .collect(Collectors.toSet()))
                .containsAll(NAMESPACES.values());
        for (var component : NAMESPACES.entrySet()) {
            // Helm's own record: installed once (revision 1), not installed again after the restart
            List<Secret> records = CLIENT.secrets()
                    .inNamespace(component.getValue())
                    .withLabel("owner", "helm")
                    .withLabel("name", component.getKey())
                    .list()
                    .getItems();
            assertThat(records)
                    .as("Helm release records of %s", component.getKey())
                    .singleElement()
                    .satisfies(s -> assertThat(s.getMetadata().getLabels())
                            .containsEntry("status", "deployed")
                            .containsEntry("version", "1"));
        }
        Platform platform = CLIENT.resources(Platform.class).withName("hearth").get();
        assertThat(platform.getStatus().history)
                .singleElement()
                .satisfies(r -> assertThat(r.version).isEqualTo("1.0.0"));
        removeTheBundle();
    }

    private static boolean bundleReady() {
        Platform platform = CLIENT.resources(Platform.class).withName("hearth").get();
        return platform != null
                && platform.getStatus() != null
                && ReadyCondition.find(platform.getStatus().conditions, ReadyCondition.TYPE)
                        .map(c -> "BundleReady".equals(c.getReason())
                                && platform.getMetadata().getGeneration().equals(c.getObservedGeneration()))
                        .orElse(false);
    }

    /** No Platform and no release of the test bundle (another test of this JVM may have left them). */
    static void removeTheBundle() {
        CLIENT.resources(Platform.class).withName("hearth").delete();
        CLIENT.resources(Flux.HelmRelease.class)
                .inNamespace(BundleLabels.NAMESPACE)
                .withLabel(BundleLabels.BUNDLE, "flux-test")
                .delete();
        await().atMost(TIMEOUT)
                .until(() -> releases().isEmpty()
                        && CLIENT.resources(Platform.class).withName("hearth").get() == null);
    }

    private static Platform platform() {
        return PlatformThroughFluxIT.platform(PlatformSpec.Mode.Auto, null, Map.of());
    }

    static Map<String, Flux.HelmRelease> releases() {
        return CLIENT
                .resources(Flux.HelmRelease.class)
                .inNamespace(BundleLabels.NAMESPACE)
                .withLabel(BundleLabels.BUNDLE, "flux-test")
                .list()
                .getItems()
                .stream()
                .collect(Collectors.toMap(r -> r.getMetadata().getName(), r -> r, (a, b) -> a, java.util.TreeMap::new));
    }
}
