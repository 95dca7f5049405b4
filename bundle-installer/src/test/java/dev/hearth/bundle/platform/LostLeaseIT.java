package dev.hearth.bundle.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.hearth.core.testing.TestKubernetes;
import dev.hearth.core.testing.bench.ServiceProcess;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Platform-core's leader election as the installer's built jar runs it (prod profile, its own process): a replica
 * whose lease another took ends, so that Kubernetes restarts it as a standby instead of keeping a replica that leads
 * no more and never competes again; and a SIGTERM ends it at once (no exit from within the shutdown, which would
 * hang until SIGKILL).
 */
class LostLeaseIT {
    // Flux's CRDs too: the installer watches HelmReleases and HelmRepositories, and is ready once those informers run
    private static final TestKubernetes KUBERNETES = TestKubernetes.shared()
            .withHearthCrds()
            .withUpstreamCrds("source.toolkit.fluxcd.io", "helm.toolkit.fluxcd.io");
    private static final KubernetesClient CLIENT = KUBERNETES.client();
    private static final String LEASE = "hearth-bundle-installer";

    @Test
    void aReplicaWhoseLeaseAnotherTookExits() throws Exception {
        try (ServiceProcess installer = started()) {
            await().atMost(Duration.ofMinutes(1)).until(() -> holder().startsWith("installer-"));
            // another replica holds it now, for longer than the renew deadline
            CLIENT.leases().inNamespace("default").withName(LEASE).edit(lease -> {
                lease.getSpec().setHolderIdentity("another-replica");
                lease.getSpec().setRenewTime(ZonedDateTime.now());
                lease.getSpec().setLeaseDurationSeconds(120);
                return lease;
            });

            assertThat(installer.awaitExit(Duration.ofSeconds(40)))
                    .as("exit code of the replica that lost its lease; see " + installer.log())
                    .hasValue(1);
        }
    }

    @Test
    void aSigtermEndsTheLeaderAtOnce() throws Exception {
        try (ServiceProcess installer = started()) {
            await().atMost(Duration.ofMinutes(1)).until(() -> holder().startsWith("installer-"));

            installer.terminate();

            assertThat(installer.awaitExit(Duration.ofSeconds(10)))
                    .as("ended by SIGTERM; see " + installer.log())
                    .isPresent();
        }
    }

    private static ServiceProcess started() throws Exception {
        CLIENT.leases().inNamespace("default").withName(LEASE).delete();
        await().until(() ->
                CLIENT.leases().inNamespace("default").withName(LEASE).get() == null);
        ServiceProcess installer = ServiceProcess.start(
                ServiceProcess.builtJar("bundle-installer"),
                KUBERNETES,
                List.of("hearth.leader-election.identity=installer-" + System.nanoTime()));
        installer.awaitReady(Duration.ofMinutes(2));
        return installer;
    }

    private static String holder() {
        Lease lease = CLIENT.leases().inNamespace("default").withName(LEASE).get();
        return lease == null || lease.getSpec().getHolderIdentity() == null
                ? ""
                : lease.getSpec().getHolderIdentity();
    }
}
