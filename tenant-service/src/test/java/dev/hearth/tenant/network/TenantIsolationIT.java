package dev.hearth.tenant.network;

import static dev.hearth.core.testing.Refusals.assertForbidden;
import static dev.hearth.tenant.Tenants.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.hearth.core.Annotations;
import dev.hearth.core.Labels;
import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.core.testing.TestKubernetes;
import dev.hearth.tenant.Tenants;
import dev.hearth.tenant.network.NetworkPolicyEvaluator.Pod;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
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
    /** Addresses outside the cluster: documentation ranges for the internet, a node for the API server. */
    private static final Map<String, String> OUTSIDE = Map.of(
            "internet", "203.0.113.7",
            "internet6", "2001:db8::7",
            "apiserver", "192.168.10.5",
            "metadata", "169.254.169.254");

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
                        .addToLabels(Labels.SYSTEM, "true")
                        .endMetadata()
                        .build())
                .create();
        outside = TestKubernetes.shared().newNamespace("outside");
    }

    @Test
    void theServerHoldsExactlyTheDesiredPolicies() {
        List<NetworkPolicy> actual = client().network()
                .v1()
                .networkPolicies()
                .inNamespace("tenant-foo-bar")
                .list()
                .getItems();

        assertThat(actual).hasSize(NetworkPoliciesForTest.expectedForBar().size());
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
        "tenant-foo/app,              tenant-foo/app,         TCP, 80,   true",
        "tenant-foo/app,              tenant-foo/etcd,        TCP, 2379, true",
        // a parent (and the root) reaches its descendants, not the other way round
        "tenant-foo/app,              tenant-foo-bar/app,     TCP, 80,   true",
        "tenant-root/app,             tenant-foo-bar/app,     TCP, 80,   true",
        "tenant-root/app,             tenant-baz/app,         TCP, 80,   true",
        "tenant-foo-bar/app,          tenant-foo/app,         TCP, 80,   false",
        "tenant-foo/app,              tenant-root/app,        TCP, 80,   false",
        // siblings and unrelated tenants are isolated, exposed pods included (the internet is not the pod network)
        "tenant-foo/app,              tenant-baz/app,         TCP, 80,   false",
        "tenant-baz/app,              tenant-foo/app,         TCP, 80,   false",
        "tenant-baz/app,              tenant-foo-bar/app,     TCP, 80,   false",
        "tenant-foo-bar/app,          tenant-baz/app,         TCP, 80,   false",
        "tenant-baz/app,              tenant-foo/exposed,     TCP, 6379, false",
        // descendants reach their ancestors' shared services
        "tenant-foo-bar/ingress,      tenant-foo-bar/app,     TCP, 80,   true",
        "tenant-foo-bar/app,          tenant-foo/ingress,     TCP, 443,  true",
        "tenant-foo-bar/app,          tenant-root/monitoring, TCP, 8428, true",
        "tenant-baz/app,              tenant-foo/ingress,     TCP, 443,  false",
        "tenant-root/app,             tenant-foo/ingress,     TCP, 443,  true",
        // an ancestor's etcd only from a tenant cluster's control plane, on the client port
        "tenant-foo-bar/controlplane, tenant-root/etcd,       TCP, 2379, true",
        "tenant-foo-bar/controlplane, tenant-foo/etcd,        TCP, 2379, true",
        "tenant-baz/controlplane,     tenant-root/etcd,       TCP, 2379, true",
        "tenant-foo-bar/controlplane, tenant-root/etcd,       TCP, 2380, false",
        "tenant-foo-bar/app,          tenant-root/etcd,       TCP, 2379, false",
        "tenant-foo-bar/app,          tenant-foo/etcd,        TCP, 2379, false",
        "tenant-baz/controlplane,     tenant-foo/etcd,        TCP, 2379, false",
        // from outside the cluster: only exposed pods and the ingress controller
        "internet,                    tenant-foo/exposed,     TCP, 6379, true",
        "internet6,                   tenant-foo-bar/exposed, TCP, 5432, true",
        "internet,                    tenant-foo/ingress,     TCP, 443,  true",
        "internet,                    tenant-foo/app,         TCP, 80,   false",
        "internet,                    tenant-root/etcd,       TCP, 2379, false",
        // to the internet, but not to the clouds' metadata endpoint
        "tenant-foo/app,              internet,               TCP, 443,  true",
        "tenant-foo-bar/app,          internet6,              TCP, 443,  true",
        "tenant-foo/app,              metadata,               TCP, 80,   false",
        // the API server, for labelled pods only
        "tenant-foo/api,              apiserver,              TCP, 6443, true",
        "tenant-foo-bar/api,          apiserver,              TCP, 443,  true",
        "tenant-foo/api,              apiserver,              TCP, 22,   false",
        "tenant-foo/app,              apiserver,              TCP, 6443, false",
        "tenant-foo/app,              apiserver,              TCP, 443,  false",
        // DNS, platform components and the rest of the cluster
        "tenant-foo-bar/app,          kube-system/dns,        UDP, 53,   true",
        "tenant-foo-bar/app,          kube-system/dns,        TCP, 80,   false",
        "tenant-foo-bar/app,          kube-system/app,        UDP, 53,   false",
        "kube-system/app,             tenant-foo/app,         TCP, 80,   true",
        "system/app,                  tenant-foo-bar/app,     TCP, 80,   true",
        "system/app,                  tenant-root/app,        TCP, 80,   true",
        "system/uploadproxy,          tenant-foo-bar/app,     TCP, 8443, true",
        "tenant-foo/app,              system/app,             TCP, 80,   false",
        "outside/app,                 tenant-foo/app,         TCP, 80,   false",
        "tenant-foo/app,              outside/app,            TCP, 80,   false",
    })
    void whoMayReachWhom(String from, String to, String protocol, int port, boolean allowed) {
        assertThat(evaluator(TENANTS).allowed(pod(from), pod(to), protocol, port))
                .isEqualTo(allowed);
    }

    @Test
    void anAdministratorTurnsInternetEgressOffForATenantAndItsChildren() {
        Tenants.awaitRoot();
        Tenants.apply(tenant("tenant-root", "shut"));
        Tenants.awaitReason("tenant-root", "shut", "NamespaceReady");
        Tenants.apply(tenant("tenant-shut", "inner"));
        Tenants.awaitReason("tenant-shut", "inner", "NamespaceReady");
        List<String> namespaces = List.of("tenant-root", "tenant-shut", "tenant-shut-inner");
        assertThat(reach(namespaces, "tenant-shut/app", "internet")).isTrue();
        assertThat(reach(namespaces, "tenant-shut-inner/app", "internet")).isTrue();

        // what an administrator does; a tenant user may not patch Namespaces
        client().namespaces().withName("tenant-shut").edit(namespace -> {
            namespace.getMetadata().getAnnotations().put(Annotations.INTERNET_EGRESS, "false");
            return namespace;
        });

        await().atMost(Tenants.TIMEOUT).untilAsserted(() -> {
            assertThat(reach(namespaces, "tenant-shut/app", "internet")).isFalse();
            assertThat(reach(namespaces, "tenant-shut-inner/app", "internet")).isFalse();
        });
        theTenantsOwnUsersCannotUndoIt();
        assertThat(reach(namespaces, "tenant-shut/app", "tenant-shut-inner/app"))
                .isTrue();
        assertThat(reach(namespaces, "tenant-shut/api", "apiserver")).isTrue();
        assertThat(reach(namespaces, "internet", "tenant-shut/exposed")).isTrue();

        // a hand edit makes the service apply the namespace again: the administrator's annotation stays
        client().namespaces().withName("tenant-shut").edit(namespace -> {
            namespace.getMetadata().getLabels().remove(Labels.PARENT);
            return namespace;
        });
        await().atMost(Tenants.TIMEOUT)
                .until(() -> client().namespaces()
                        .withName("tenant-shut")
                        .get()
                        .getMetadata()
                        .getLabels()
                        .containsKey(Labels.PARENT));
        assertThat(client().namespaces()
                        .withName("tenant-shut")
                        .get()
                        .getMetadata()
                        .getAnnotations())
                .containsEntry(Annotations.INTERNET_EGRESS, "false");
        assertThat(reach(namespaces, "tenant-shut/app", "internet")).isFalse();

        client().namespaces().withName("tenant-shut").edit(namespace -> {
            namespace.getMetadata().getAnnotations().remove(Annotations.INTERNET_EGRESS);
            return namespace;
        });
        await().atMost(Tenants.TIMEOUT).untilAsserted(() -> {
            assertThat(reach(namespaces, "tenant-shut/app", "internet")).isTrue();
            assertThat(reach(namespaces, "tenant-shut-inner/app", "internet")).isTrue();
        });
    }

    /** As the tenant's own super-admins: off the annotation, off the policy, or an own policy beside it. */
    private static void theTenantsOwnUsersCannotUndoIt() {
        try (KubernetesClient user = TestKubernetes.shared().impersonating("mallory", "tenant-shut-super-admin")) {
            assertForbidden(() -> user.namespaces()
                    .withName("tenant-shut")
                    .patch(
                            PatchContext.of(PatchType.JSON_MERGE),
                            "{\"metadata\":{\"annotations\":{\"" + Annotations.INTERNET_EGRESS + "\":null}}}"));
            assertForbidden(() -> user.network()
                    .v1()
                    .networkPolicies()
                    .inNamespace("tenant-shut")
                    .withName(NetworkPoliciesFor.EGRESS)
                    .delete());
            assertForbidden(() -> user.network()
                    .v1()
                    .networkPolicies()
                    .inNamespace("tenant-shut-inner")
                    .resource(new NetworkPolicyBuilder()
                            .withNewMetadata()
                            .withName("allow-all-egress")
                            .endMetadata()
                            .withNewSpec()
                            .withPodSelector(new LabelSelector())
                            .withPolicyTypes("Egress")
                            .addNewEgress()
                            .endEgress()
                            .endSpec()
                            .build())
                    .create());
        }
    }

    private static boolean reach(List<String> tenants, String from, String to) {
        return evaluator(tenants).allowed(pod(from), pod(to), "TCP", 443);
    }

    private static Tenant tenant(String namespace, String name) {
        Tenant tenant = new Tenant();
        tenant.getMetadata().setName(name);
        tenant.getMetadata().setNamespace(namespace);
        return tenant;
    }

    private static NetworkPolicyEvaluator evaluator(List<String> tenants) {
        Map<String, Map<String, String>> labels = new HashMap<>();
        List<NetworkPolicy> policies = new ArrayList<>();
        List<String> namespaces = new ArrayList<>(tenants);
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

    /**
     * {@code <namespace>/<kind>}, with the labels the charts and Kamaji give such a pod, and an address in the pod
     * network; or one of the {@link #OUTSIDE} addresses.
     */
    private static Pod pod(String spec) {
        if (OUTSIDE.containsKey(spec)) {
            return Pod.outside(OUTSIDE.get(spec));
        }
        String[] parts = spec.split("/");
        String namespace = switch (parts[0]) {
            case "system" -> system;
            case "outside" -> outside;
            default -> parts[0];
        };
        Map<String, String> labels = new LinkedHashMap<>();
        switch (parts[1]) {
            case "app" -> labels.put("app", "workload");
            case "dns" -> labels.put("k8s-app", "kube-dns");
            case "exposed" -> labels.put(Labels.EXPOSED, "true");
            case "api" -> labels.put(Labels.API_ACCESS, "true");
            case "controlplane" -> {
                labels.put("kamaji.clastix.io/name", "cluster");
                labels.put(NetworkPoliciesFor.ETCD_CLIENT_LABEL, NetworkPoliciesFor.ETCD_CLIENT_VALUE);
            }
            case "uploadproxy" -> labels.put("cdi.kubevirt.io", "cdi-uploadproxy");
            case "ingress" -> {
                labels.put(Labels.SERVICE, "ingress");
                labels.put(Labels.EXPOSED, "true");
            }
            default -> labels.put(Labels.SERVICE, parts[1]);
        }
        return new Pod(namespace, labels, "10.244." + Math.floorMod(spec.hashCode(), 250) + ".10");
    }
}
