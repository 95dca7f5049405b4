package dev.hearth.core.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.hearth.core.Labels;
import dev.hearth.core.testing.PlatformChart;
import dev.hearth.core.testing.TestKubernetes;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;

/**
 * Every operator of the platform chart keeps its Lease as its ServiceAccount, with the chart's RBAC: the client's
 * leader elector (the one the Operator SDK runs) creates the Lease and then renews it, which it does with a patch. A
 * renewal refused would end the lead after the renew deadline, and with it every reconcile.
 */
class LeaderElectionRbacIT {
    private static final Duration RENEW_DEADLINE = Duration.ofSeconds(2);

    @ParameterizedTest
    @ValueSource(strings = {"tenant-service", "kubernetes-service", "vm-service", "apps-catalog", "bundle-installer"})
    void anOperatorRenewsItsLeaseAsItsServiceAccount(String service) throws Exception {
        TestKubernetes kubernetes = TestKubernetes.shared();
        String lease = Labels.managedBy(service);
        kubernetes
                .client()
                .leases()
                .inNamespace(PlatformChart.NAMESPACE)
                .withName(lease)
                .delete();
        CountDownLatch leading = new CountDownLatch(1);
        AtomicBoolean stopped = new AtomicBoolean();

        try (KubernetesClient asService = clientAs(kubernetes.quarkusClientPropertiesAs(service))) {
            var elector = asService
                    .leaderElector()
                    .withConfig(new LeaderElectionConfigBuilder()
                            .withName(lease)
                            .withLock(new LeaseLock(PlatformChart.NAMESPACE, lease, service + "-test"))
                            .withLeaseDuration(Duration.ofSeconds(3))
                            .withRenewDeadline(RENEW_DEADLINE)
                            .withRetryPeriod(Duration.ofMillis(250))
                            .withLeaderCallbacks(
                                    new LeaderCallbacks(leading::countDown, () -> stopped.set(true), leader -> {}))
                            .build())
                    .build()
                    .start();
            try {
                assertThat(leading.await(30, TimeUnit.SECONDS))
                        .as("%s leads", service)
                        .isTrue();
                // several renewals, past the renew deadline
                Thread.sleep(RENEW_DEADLINE.multipliedBy(3).toMillis());
                assertThat(stopped)
                        .as("%s stopped leading: its renewals were refused", service)
                        .isFalse();
                Lease held = kubernetes
                        .client()
                        .leases()
                        .inNamespace(PlatformChart.NAMESPACE)
                        .withName(lease)
                        .get();
                assertThat(held.getSpec().getHolderIdentity()).isEqualTo(service + "-test");
                assertThat(held.getSpec().getRenewTime())
                        .isAfter(ZonedDateTime.now().minusSeconds(2));
                assertThat(held.getSpec().getLeaseTransitions()).isEqualTo(0);
            } finally {
                elector.cancel(true);
            }
        }
    }

    /** A client with exactly these Quarkus client properties (URL, CA, token), nothing from a kubeconfig. */
    private static KubernetesClient clientAs(Map<String, String> properties) {
        Config config = new ConfigBuilder(Config.empty())
                .withMasterUrl(properties.get("quarkus.kubernetes-client.api-server-url"))
                .withCaCertFile(properties.get("quarkus.kubernetes-client.ca-cert-file"))
                .withOauthToken(properties.get("quarkus.kubernetes-client.token"))
                .build();
        return new KubernetesClientBuilder().withConfig(config).build();
    }
}
