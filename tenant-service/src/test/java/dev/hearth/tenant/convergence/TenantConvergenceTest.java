package dev.hearth.tenant.convergence;

import static dev.hearth.tenant.Tenants.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;

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
            assertThat(restored.getMetadata().getUid()).isNotEqualTo(original.getMetadata().getUid());
            assertThat(restored.getSubjects()).isEqualTo(original.getSubjects());
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

        await().atMost(Tenants.TIMEOUT).untilAsserted(() ->
                assertThat(policies.withName(TenantNetworkPolicies.INGRESS).get().getSpec()).isEqualTo(desired.getSpec()));
    }

    @Test
    void theTenantRecordsAnEventWhenItBecomesReady() {
        await().atMost(Tenants.TIMEOUT).untilAsserted(() -> {
            List<Event> events = client().v1().events().inNamespace("tenant-root").list().getItems().stream()
                    .filter(e -> "baz".equals(e.getInvolvedObject().getName()) && "Tenant".equals(e.getInvolvedObject().getKind()))
                    .toList();
            assertThat(events).anySatisfy(e -> {
                assertThat(e.getReason()).isEqualTo("NamespaceReady");
                assertThat(e.getType()).isEqualTo("Normal");
                assertThat(e.getMessage()).isEqualTo("Namespace tenant-baz is ready with its RBAC and network policies");
                assertThat(e.getSource().getComponent()).isEqualTo("hearth-tenant-service");
            });
        });
    }
}
