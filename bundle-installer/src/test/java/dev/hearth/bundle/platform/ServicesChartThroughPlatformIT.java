package dev.hearth.bundle.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.Release;

import dev.hearth.bundle.Fixtures;
import dev.hearth.bundle.render.BundleLabels;
import dev.hearth.core.api.platform.Platform;
import dev.hearth.core.api.platform.PlatformStatus;
import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.core.testing.PlatformChart;
import dev.hearth.core.testing.PlayedCloud;
import dev.hearth.core.testing.TestKubernetes;
import dev.hearth.core.upstream.Flux;
import dev.hearth.core.upstream.FluxReady;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A Platform whose bundle holds the shipped component of Hearth's own services chart ({@link ServicesChartBundle})
 * rolls it out through the real helm-controller: the installer's release lets Helm wait for the services'
 * Deployments, so kube-controller-manager creates their pods (admitted under the namespace's restricted pod-security
 * level) and {@link PlayedCloud} reports them ready, as no kubelet runs; then the component's readiness expression
 * must hold before the Platform is Ready. Both ways in: the Platform installs the chart, or takes over the release a
 * {@code helm install} made first. bundle-installer itself is left out of the chart's values here: the
 * installer under test already runs with the RBAC the harness gave it, which Helm would not adopt.
 */
@QuarkusTest
@QuarkusTestResource(
        value = KubeApiServerTestResource.class,
        initArgs = {@ResourceArg(name = "flux", value = "true"), @ResourceArg(name = "upstreamCrds", value = "all")})
@QuarkusTestResource(FluxBundleResource.class)
class ServicesChartThroughPlatformIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(4);
    private static final KubernetesClient CLIENT = TestKubernetes.shared().client();
    private static final String NAMESPACE = "hearth-system";

    @BeforeAll
    static void noOtherPlatform() {
        Fixtures.ensureInstallerNamespace(CLIENT);
        InstallerKilledIT.removeTheBundle();
        TestKubernetes.shared().withControllerManager();
    }

    /** Uninstalled while the garbage collector runs, which removes the ReplicaSets and pods. */
    @AfterEach
    void uninstall() {
        CLIENT.resources(Platform.class).withName("hearth").delete();
        CLIENT.resources(Flux.HelmRelease.class)
                .inNamespace(BundleLabels.NAMESPACE)
                .withLabel(BundleLabels.BUNDLE, ServicesChartBundle.NAME)
                .delete();
        await().atMost(TIMEOUT)
                .until(() -> release() == null
                        && helmRevisions().isEmpty()
                        && CLIENT.apps()
                                .deployments()
                                .inNamespace(NAMESPACE)
                                .list()
                                .getItems()
                                .isEmpty()
                        && CLIENT.pods()
                                .inNamespace(NAMESPACE)
                                .list()
                                .getItems()
                                .isEmpty());
    }

    @AfterAll
    static void stopControllerManager() {
        TestKubernetes.shared().withoutControllerManager();
    }

    @Test
    void thePlatformIsReadyOnceHelmControllerInstalledTheServicesChartAndItsDeploymentsAreAvailable() {
        applyPlatform();
        awaitBundleReady();

        assertInstalled();
        assertThat(helmRevisions()).containsExactly("1=deployed");
    }

    /**
     * The way in that the chart's README gives: {@code helm install hearth} into hearth-system, then a Platform. Its
     * component's release has the same name and storage namespace, so helm-controller takes the release over with an
     * upgrade (revision 2) rather than installing a second copy, which Helm would refuse over the existing objects.
     */
    @Test
    void aPlatformTakesOverTheServicesChartThatHelmInstalledFirst() {
        Release installed = new Helm(PlatformChart.chart())
                .install()
                .withName(ServicesChartBundle.COMPONENT)
                .withNamespace(NAMESPACE)
                .withKubeConfig(TestKubernetes.shared().kubeconfig())
                .set("bundleInstaller.enabled", "false")
                .set("metrics.serviceMonitor", "false")
                .call();
        assertThat(installed.getStatus()).isEqualTo("deployed");

        applyPlatform();
        awaitBundleReady();

        assertInstalled();
        assertThat(helmRevisions()).containsExactly("1=superseded", "2=deployed");
    }

    private static void applyPlatform() {
        ObjectNode values = new ObjectMapper().createObjectNode();
        values.putObject("bundleInstaller").put("enabled", false);
        CLIENT.resource(TestPlatforms.withValues(ServicesChartBundle.NAME, ServicesChartBundle.COMPONENT, values))
                .fieldManager("test-admin")
                .forceConflicts()
                .serverSideApply();
    }

    private static void awaitBundleReady() {
        try {
            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
                PlayedCloud.settle(CLIENT, NAMESPACE);
                return PlatformThroughFluxIT.readyAt(get(), "BundleReady");
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "Platform not BundleReady: " + Serialization.asYaml(get().getStatus()) + "\nrelease: "
                            + Serialization.asYaml(release()) + "\n"
                            + TestKubernetes.shared().flux().logTails(),
                    e);
        }
    }

    private static void assertInstalled() {
        assertThat(FluxReady.of(release()).isTrue()).isTrue();
        assertThat(ComponentReleases.deployedVersion(release())).contains("0.1.0");
        PlatformStatus.ComponentStatus component = get().getStatus().components.get(ServicesChartBundle.COMPONENT);
        assertThat(component.chartVersion).isEqualTo("0.1.0");
        assertThat(component.ready).isTrue();
        // Helm waited for each service's Deployment: their pods passed the namespace's restricted level
        Map<String, Deployment> deployments = new TreeMap<>();
        CLIENT.apps()
                .deployments()
                .inNamespace(NAMESPACE)
                .list()
                .getItems()
                .forEach(d -> deployments.put(d.getMetadata().getName(), d));
        assertThat(deployments.keySet())
                .containsExactly("apps-catalog", "kubernetes-service", "tenant-service", "vm-service");
        assertThat(deployments.values())
                .allSatisfy(d -> assertThat(d.getStatus().getAvailableReplicas())
                        .isEqualTo(d.getSpec().getReplicas()));
        assertThat(CLIENT.namespaces().withName(NAMESPACE).get().getMetadata().getLabels())
                .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
        assertThat(CLIENT.rbac()
                        .clusterRoles()
                        .withName("hearth:tenant-service")
                        .get()
                        .getMetadata()
                        .getLabels())
                .containsEntry("app.kubernetes.io/managed-by", "Helm");
    }

    /** Helm's records of release hearth in hearth-system, {@code <revision>=<status>} by revision. */
    private static List<String> helmRevisions() {
        return CLIENT
                .secrets()
                .inNamespace(NAMESPACE)
                .withLabel("owner", "helm")
                .withLabel("name", ServicesChartBundle.COMPONENT)
                .list()
                .getItems()
                .stream()
                .map(s -> s.getMetadata().getLabels())
                .sorted(Comparator.comparing(l -> Integer.parseInt(l.get("version"))))
                .map(l -> l.get("version") + "=" + l.get("status"))
                .toList();
    }

    private static Flux.HelmRelease release() {
        return CLIENT.resources(Flux.HelmRelease.class)
                .inNamespace(BundleLabels.NAMESPACE)
                .withName(ServicesChartBundle.COMPONENT)
                .get();
    }

    private static Platform get() {
        return CLIENT.resources(Platform.class).withName("hearth").get();
    }
}
