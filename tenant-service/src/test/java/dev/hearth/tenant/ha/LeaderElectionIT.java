package dev.hearth.tenant.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.core.naming.TenantNamespaceName;
import dev.hearth.core.status.ReadyCondition;
import dev.hearth.core.testing.TestKubernetes;
import dev.hearth.core.testing.bench.ReplicaPair;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Two replicas of tenant-service (the built jar, prod profile, leader election on): only the lease holder writes, and
 * when it is killed (SIGKILL) in the middle of a burst of tenants the standby takes over within the lease duration and
 * every tenant converges. Needs {@code target/quarkus-app} (built by package, before failsafe).
 */
class LeaderElectionIT {
    private static final int TENANTS = 50;

    @Test
    void onlyTheLeaderWritesAndTheStandbyTakesOverMidBurst() throws Exception {
        TestKubernetes kubernetes = TestKubernetes.shared().withHearthCrds();
        KubernetesClient client = kubernetes.client();
        try (ReplicaPair pair = ReplicaPair.start(
                kubernetes, Path.of("target/quarkus-app/quarkus-run.jar"), "tenant-service", List.of())) {
            // the leader ensures the root tenant on start; the standby does not
            Awaitility.await()
                    .atMost(Duration.ofMinutes(1))
                    .until(() -> client.namespaces()
                                    .withName(TenantNamespaceName.ROOT)
                                    .get()
                            != null);
            String prefix = "ha" + Long.toString(System.nanoTime() % 100_000, 36);
            List<String> names =
                    IntStream.range(0, TENANTS).mapToObj(i -> prefix + "x" + i).toList();
            pair.killLeaderMidBurst(
                    "tenants",
                    TENANTS,
                    5,
                    () -> names.parallelStream().forEach(name -> {
                        Tenant tenant = new Tenant();
                        tenant.getMetadata().setNamespace(TenantNamespaceName.ROOT);
                        tenant.getMetadata().setName(name);
                        client.resource(tenant).create();
                    }),
                    () -> ready(client, names));
            // one namespace per tenant, each its own: no duplicate from two writers
            List<String> namespaces = names.stream()
                    .map(name -> client.resources(Tenant.class)
                            .inNamespace(TenantNamespaceName.ROOT)
                            .withName(name)
                            .get()
                            .getStatus()
                            .namespace)
                    .toList();
            assertThat(namespaces)
                    .doesNotHaveDuplicates()
                    .allSatisfy(namespace -> assertThat(
                                    client.namespaces().withName(namespace).get())
                            .isNotNull());
        }
    }

    private static int ready(KubernetesClient client, List<String> names) {
        return (int) client.resources(Tenant.class).inNamespace(TenantNamespaceName.ROOT).list().getItems().stream()
                .filter(t -> names.contains(t.getMetadata().getName()))
                .filter(t -> t.getStatus() != null
                        && Objects.equals(
                                t.getStatus().observedGeneration,
                                t.getMetadata().getGeneration())
                        && ReadyCondition.find(t.getStatus().conditions, ReadyCondition.TYPE)
                                .map(c -> ReadyCondition.TRUE.equals(c.getStatus()))
                                .orElse(false))
                .count();
    }
}
