package dev.hearth.tenant.network;

import static dev.hearth.tenant.Tenants.client;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.tenant.Tenants;
import dev.hearth.tenant.network.NetworkPolicyEvaluator.Pod;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The policies the service wrote to the real API server, and who may reach whom under them: the namespaces' real
 * labels and policies are read back and evaluated with the standard NetworkPolicy semantics.
 */
@QuarkusTest
@QuarkusTestResource(KubeApiServerTestResource.class)
class TenantIsolationIT {
    private static final List<String> TENANTS = List.of("tenant-root", "tenant-foo", "tenant-foo-bar", "tenant-baz");
    private static String system;
    private static String outside;

    @BeforeAll
    static void tree() {
        Tenants.fooBarBaz();
        system = "hearth-system-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        client().namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(system)
                        .addToLabels("hearth.dev/system", "true")
                        .endMetadata()
                        .build())
                .create();
        outside = dev.hearth.core.testing.TestKubernetes.shared().newNamespace("outside");
    }

    @Test
    void theServerHoldsExactlyTheDesiredPolicies() throws Exception {
        List<NetworkPolicy> actual = client().network()
                .v1()
                .networkPolicies()
                .inNamespace("tenant-foo-bar")
                .list()
                .getItems();

        assertThat(actual).hasSize(3);
        for (NetworkPolicy expected : NetworkPoliciesForTest.expectedForBar()) {
            NetworkPolicy found = actual.stream()
                    .filter(p -> p.getMetadata()
                            .getName()
                            .equals(expected.getMetadata().getName()))
                    .findFirst()
                    .orElseThrow();
            assertThat(found.getSpec()).isEqualTo(expected.getSpec());
            assertThat(found.getMetadata().getLabels())
                    .isEqualTo(expected.getMetadata().getLabels());
        }
    }

    @ParameterizedTest(name = "{0} → {1} ({2}/{3}): {4}")
    @CsvSource({
        // within a tenant
        "tenant-foo/app,         tenant-foo/app,         TCP, 80, true",
        // a parent (and the root) reaches its descendants, not the other way round
        "tenant-foo/app,         tenant-foo-bar/app,     TCP, 80, true",
        "tenant-root/app,        tenant-foo-bar/app,     TCP, 80, true",
        "tenant-root/app,        tenant-baz/app,         TCP, 80, true",
        "tenant-foo-bar/app,     tenant-foo/app,         TCP, 80, false",
        "tenant-foo/app,         tenant-root/app,        TCP, 80, false",
        // siblings and unrelated tenants are isolated
        "tenant-foo/app,         tenant-baz/app,         TCP, 80, false",
        "tenant-baz/app,         tenant-foo/app,         TCP, 80, false",
        "tenant-baz/app,         tenant-foo-bar/app,     TCP, 80, false",
        "tenant-foo-bar/app,     tenant-baz/app,         TCP, 80, false",
        // descendants reach their ancestors' shared services only
        "tenant-foo-bar/ingress, tenant-foo-bar/app,     TCP, 80, true",
        "tenant-foo-bar/app,     tenant-foo/ingress,     TCP, 443, true",
        "tenant-foo-bar/app,     tenant-root/etcd,       TCP, 2379, true",
        "tenant-baz/app,         tenant-root/etcd,       TCP, 2379, true",
        "tenant-baz/app,         tenant-foo/ingress,     TCP, 443, false",
        "tenant-root/app,        tenant-foo/ingress,     TCP, 443, true",
        // DNS, platform components and the rest of the cluster
        "tenant-foo-bar/app,     kube-system/dns,        UDP, 53, true",
        "tenant-foo-bar/app,     kube-system/dns,        TCP, 80, false",
        "tenant-foo-bar/app,     kube-system/app,        UDP, 53, false",
        "system/app,             tenant-foo-bar/app,     TCP, 80, true",
        "system/app,             tenant-root/app,        TCP, 80, true",
        "tenant-foo/app,         system/app,             TCP, 80, false",
        "outside/app,            tenant-foo/app,         TCP, 80, false",
        "tenant-foo/app,         outside/app,            TCP, 80, false",
    })
    void whoMayReachWhom(String from, String to, String protocol, int port, boolean allowed) {
        assertThat(evaluator().allowed(pod(from), pod(to), protocol, port)).isEqualTo(allowed);
    }

    private static NetworkPolicyEvaluator evaluator() {
        Map<String, Map<String, String>> labels = new HashMap<>();
        List<NetworkPolicy> policies = new ArrayList<>();
        List<String> namespaces = new ArrayList<>(TENANTS);
        namespaces.addAll(List.of("kube-system", system, outside));
        for (String namespace : namespaces) {
            labels.put(
                    namespace,
                    client().namespaces()
                            .withName(namespace)
                            .get()
                            .getMetadata()
                            .getLabels());
            policies.addAll(client().network()
                    .v1()
                    .networkPolicies()
                    .inNamespace(namespace)
                    .list()
                    .getItems());
        }
        return new NetworkPolicyEvaluator(labels, policies);
    }

    /** {@code <namespace>/<kind>}: kind app (no labels), etcd/ingress (shared-service pods) or dns. */
    private static Pod pod(String spec) {
        String[] parts = spec.split("/");
        String namespace = switch (parts[0]) {
            case "system" -> system;
            case "outside" -> outside;
            default -> parts[0];
        };
        Map<String, String> labels = switch (parts[1]) {
            case "app" -> Map.of("app", "workload");
            case "dns" -> Map.of("k8s-app", "kube-dns");
            default -> Map.of("hearth.dev/service", parts[1]);
        };
        return new Pod(namespace, labels);
    }
}
