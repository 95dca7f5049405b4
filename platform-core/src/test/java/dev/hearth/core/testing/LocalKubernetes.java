package dev.hearth.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the test API server (with kube-controller-manager and Hearth's CRDs) until stopped, for running the services
 * locally ({@code scripts/run-local.sh}). Writes the admin kubeconfig and the Quarkus client properties to the
 * folder given as the only argument.
 */
public final class LocalKubernetes {
    private LocalKubernetes() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/local");
        Files.createDirectories(out);
        TestKubernetes kubernetes = TestKubernetes.shared().withHearthCrds().withControllerManager();
        try {
            // the operators watch Cluster API, KubeVirt, CDI and Flux objects: without their CRDs they stay not-ready
            kubernetes.withAllUpstreamCrds();
        } catch (IllegalStateException e) {
            System.out.println("LocalKubernetes: no upstream CRDs installed (" + e.getMessage()
                    + "); kubernetes-service, " + "vm-service and apps-catalog will report not-ready");
        }
        Files.copy(
                kubernetes.kubeconfig(),
                out.resolve("kubeconfig.yaml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
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
                + out.resolve("kubeconfig.yaml").toAbsolutePath());
        new CountDownLatch(1).await();
    }
}
