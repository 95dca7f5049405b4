package dev.hearth.tenant.convergence;

import static dev.hearth.tenant.Tenants.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.tenant.Tenants;
import dev.hearth.tenant.network.TenantNetworkPolicies;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Hand edits of what the service owns are undone, and the Tenant tells what happened through Events. */
@QuarkusTest
@QuarkusTestResource(KubeApiServerTestResource.class)
class TenantConvergenceTest {

    @BeforeAll
    static void tree() {
        Tenants.fooBarBaz();
    }

    @Test
    void aHandDeletedRoleBindingIsRestored() {
        var bindings = client().rbac().roleBindings().inNamespace("tenant-baz");
        RoleBinding original = bindings.withName("hearth:tenant:admin").get();

        bindings.withName("hearth:tenant:admin").delete();

        await().atMost(Tenants.TIMEOUT).untilAsserted(() -> {
            RoleBinding restored = bindings.withName("hearth:tenant:admin").get();
            assertThat(restored).isNotNull();
            assertThat(restored.getMetadata().getUid())
                    .isNotEqualTo(original.getMetadata().getUid());
            assertThat(restored.getSubjects()).isEqualTo(original.getSubjects());
        });
    }

    @Test
    void aHandDeletedRoleBindingOfTheRootIsRestored() {
        var bindings = client().rbac().roleBindings().inNamespace("tenant-root");
        await().atMost(Tenants.TIMEOUT)
                .until(() -> bindings.withName("hearth:tenant:view").get() != null);
        String uid = bindings.withName("hearth:tenant:view").get().getMetadata().getUid();

        bindings.withName("hearth:tenant:view").delete();

        await().atMost(Tenants.TIMEOUT).untilAsserted(() -> {
            RoleBinding restored = bindings.withName("hearth:tenant:view").get();
            assertThat(restored).isNotNull();
            assertThat(restored.getMetadata().getUid()).isNotEqualTo(uid);
        });
    }

    @Test
    void aHandEditedNetworkPolicyIsRestored() {
        var policies = client().network().v1().networkPolicies().inNamespace("tenant-foo-bar");
        NetworkPolicy desired = policies.withName(TenantNetworkPolicies.INGRESS).get();

        policies.withName(TenantNetworkPolicies.INGRESS).edit(policy -> {
            // open the tenant to everyone
            policy.getSpec().setIngress(List.of(new NetworkPolicyIngressRuleBuilder().build()));
            return policy;
        });

        await().atMost(Tenants.TIMEOUT)
                .untilAsserted(() -> assertThat(policies.withName(TenantNetworkPolicies.INGRESS)
                                .get()
                                .getSpec())
                        .isEqualTo(desired.getSpec()));
    }

    @Test
    void aReconcileWithNothingToChangeWritesNothing() {
        Map<String, String> before = resourceVersionsOfBaz();

        // an annotation on an owned object brings a reconcile of baz, which has nothing to change
        client().network()
                .v1()
                .networkPolicies()
                .inNamespace("tenant-baz")
                .withName(TenantNetworkPolicies.EGRESS)
                .edit(policy -> {
                    policy.getMetadata().setAnnotations(Map.of("example.com/touched", "yes"));
                    return policy;
                });
        await().pollDelay(Duration.ofSeconds(3))
                .atMost(Tenants.TIMEOUT)
                .untilAsserted(() -> assertThat(resourceVersionsOfBaz()).isEqualTo(before));
    }

    private static Map<String, String> resourceVersionsOfBaz() {
        Map<String, String> versions = new TreeMap<>();
        versions.put("Tenant", Tenants.get("tenant-root", "baz").getMetadata().getResourceVersion());
        versions.put(
                "Namespace",
                client().namespaces().withName("tenant-baz").get().getMetadata().getResourceVersion());
        client().rbac()
                .roleBindings()
                .inNamespace("tenant-baz")
                .list()
                .getItems()
                .forEach(b -> versions.put(
                        "RoleBinding " + b.getMetadata().getName(),
                        b.getMetadata().getResourceVersion()));
        versions.put(
                "ServiceAccount",
                client().serviceAccounts()
                        .inNamespace("tenant-baz")
                        .withName("tenant-baz")
                        .get()
                        .getMetadata()
                        .getResourceVersion());
        client().network().v1().networkPolicies().inNamespace("tenant-baz").list().getItems().stream()
                .filter(p -> !p.getMetadata().getName().equals(TenantNetworkPolicies.EGRESS))
                .forEach(p -> versions.put(
                        "NetworkPolicy " + p.getMetadata().getName(),
                        p.getMetadata().getResourceVersion()));
        return versions;
    }

    @Test
    void theTenantRecordsAnEventWhenItBecomesReady() {
        await().atMost(Tenants.TIMEOUT).untilAsserted(() -> {
            List<Event> events = client().v1().events().inNamespace("tenant-root").list().getItems().stream()
                    .filter(e -> "baz".equals(e.getInvolvedObject().getName())
                            && "Tenant".equals(e.getInvolvedObject().getKind()))
                    .toList();
            assertThat(events).anySatisfy(e -> {
                assertThat(e.getReason()).isEqualTo("NamespaceReady");
                assertThat(e.getType()).isEqualTo("Normal");
                assertThat(e.getMessage())
                        .isEqualTo("Namespace tenant-baz is ready with its RBAC and network policies");
                assertThat(e.getSource().getComponent()).isEqualTo("hearth-tenant-service");
            });
        });
    }
}
