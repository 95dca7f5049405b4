package dev.hearth.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import dev.hearth.core.tenant.ReleaseServiceAccount;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;

/**
 * Runs the test API server (with kube-controller-manager and Hearth's CRDs) until stopped, for running the services
 * locally ({@code scripts/run-local.sh}). With the upstream CRDs at hand it also runs Flux's source-controller and
 * helm-controller ({@link FluxControllers}) and serves Hearth's app charts ({@link HelmChartRepository}), for the
 * {@code HelmRepository} {@code hearth-system/hearth-apps} that apps-catalog writes (run-local hands it the URL), so
 * that app instances become real Helm releases (objects only: no kubelet runs). Writes the admin kubeconfig, the Quarkus client
 * properties and the chart repository URL to the folder given as the only argument; the Flux logs go there too.
 */
public final class LocalKubernetes {
    /** Where the catalog's ApplicationDefinitions find their charts ({@code release.chart.sourceRef}). */
    static final String APPS_REPOSITORY_NAMESPACE = "hearth-system";

    static final String APPS_REPOSITORY_NAME = "hearth-apps";

    private LocalKubernetes() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/local").toAbsolutePath();
        Files.createDirectories(out);
        TestKubernetes kubernetes = TestKubernetes.shared().withHearthCrds().withControllerManager();
        // the services hold their leader-election Leases there, as in production, and apps-catalog its HelmRepository
        ensurePlatformNamespace(kubernetes);
        boolean upstreamCrds = true;
        try {
            // the operators watch Cluster API, KubeVirt, CDI and Flux objects: without their CRDs they stay not-ready
            kubernetes.withAllUpstreamCrds();
        } catch (IllegalStateException e) {
            upstreamCrds = false;
            System.out.println(
                    "LocalKubernetes: no upstream CRDs installed (" + e.getMessage() + "); kubernetes-service, "
                            + "vm-service and apps-catalog will report not-ready, and Flux does not run");
        }
        if (upstreamCrds) {
            // as in production: a HelmRelease without serviceAccountName acts as its namespace's release account,
            // never as helm-controller's own (admin) credentials
            kubernetes.withFlux(FluxControllers.Options.defaults()
                    .withDefaultServiceAccount(ReleaseServiceAccount.NAME)
                    .withLogDir(out));
            HelmChartRepository charts = HelmChartRepository.serveAppCharts();
            Runtime.getRuntime().addShutdownHook(new Thread(charts::close, "chart-repository-stop"));
            Files.writeString(out.resolve("chart-repository.url"), charts.url() + "\n");
            System.out.println("LocalKubernetes: Flux running (logs in " + out + "); charts " + charts.charts() + " at "
                    + charts.url() + ", for apps-catalog's HelmRepository " + APPS_REPOSITORY_NAMESPACE + "/"
                    + APPS_REPOSITORY_NAME);
            // kubernetes-service writes the HelmRepository hearth-system/hearth-kubernetes-addons for these
            HelmChartRepository addons = HelmChartRepository.serveAddonCharts();
            Runtime.getRuntime().addShutdownHook(new Thread(addons::close, "addon-chart-repository-stop"));
            Files.writeString(out.resolve("addon-chart-repository.url"), addons.url() + "\n");
            System.out.println("LocalKubernetes: addon charts " + addons.charts() + " at " + addons.url());
        }
        Files.copy(kubernetes.kubeconfig(), out.resolve("kubeconfig.yaml"), StandardCopyOption.REPLACE_EXISTING);
        StringBuilder properties = new StringBuilder();
        for (Map.Entry<String, String> e : kubernetes.quarkusClientProperties().entrySet()) {
            properties
                    .append("-D")
                    .append(e.getKey())
                    .append('=')
                    .append(e.getValue())
                    .append('\n');
        }
        Files.writeString(out.resolve("client.properties"), properties);
        System.out.println("LocalKubernetes: API server " + kubernetes.config().getMasterUrl() + " ready; kubeconfig "
                + out.resolve("kubeconfig.yaml"));
        new CountDownLatch(1).await();
    }

    /**
     * The namespace of the platform, where the services keep their leader-election Leases and apps-catalog writes the
     * HelmRepository of its charts.
     */
    private static void ensurePlatformNamespace(TestKubernetes kubernetes) {
        kubernetes
                .client()
                .namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(APPS_REPOSITORY_NAMESPACE)
                        .endMetadata()
                        .build())
                .serverSideApply();
    }
}
