package dev.hearth.tenant.convergence;

import static dev.hearth.tenant.Tenants.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.core.status.ReadyCondition;
import dev.hearth.core.tenant.ReleaseServiceAccount;
import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.tenant.Tenants;
import dev.hearth.tenant.network.NetworkPoliciesFor;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Hand edits of what the service owns are undone, and the Tenant tells what happened through Events. */
@QuarkusTest
@QuarkusTestResource(KubeApiServerTestResource.class)
class TenantConvergenceIT {
    @Inject
    MeterRegistry registry;

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
        NetworkPolicy desired = policies.withName(NetworkPoliciesFor.INGRESS).get();

        policies.withName(NetworkPoliciesFor.INGRESS).edit(policy -> {
            // open the tenant to everyone
            policy.getSpec().setIngress(List.of(new NetworkPolicyIngressRuleBuilder().build()));
            return policy;
        });

        await().atMost(Tenants.TIMEOUT)
                .untilAsserted(() -> assertThat(policies.withName(NetworkPoliciesFor.INGRESS)
                                .get()
                                .getSpec())
                        .isEqualTo(desired.getSpec()));
    }

    /**
     * Tenant quiet runs a module whose kind no one serves, so every reconcile goes through the modules path and is
     * rescheduled: an unrelated annotation on an owned object brings one, the resync more. None writes anything.
     */
    @Test
    void aReconcileWithNothingToChangeWritesNothing() {
        Tenant quiet = new Tenant();
        quiet.getMetadata().setName("quiet");
        quiet.getMetadata().setNamespace("tenant-root");
        quiet.getSpec().monitoring = true;
        Tenants.apply(quiet);
        Tenants.awaitReason("tenant-root", "quiet", "NamespaceReady");
        await().atMost(Tenants.TIMEOUT)
                .until(() -> ReadyCondition.find(
                                Tenants.get("tenant-root", "quiet").getStatus().conditions, "ModulesReady")
                        .map(c -> "WaitingForKind".equals(c.getReason()))
                        .orElse(false));
        Map<String, String> before = writesOfQuiet();
        double reconciled = reconciles("tenant-root", "quiet");

        client().network()
                .v1()
                .networkPolicies()
                .inNamespace("tenant-quiet")
                .withName(NetworkPoliciesFor.EGRESS)
                .edit(policy -> {
                    policy.getMetadata().setAnnotations(Map.of("example.com/touched", "yes"));
                    return policy;
                });

        await().atMost(Tenants.TIMEOUT).until(() -> reconciles("tenant-root", "quiet") >= reconciled + 2);
        assertThat(writesOfQuiet()).isEqualTo(before);
    }

    /** Reconciles of a Tenant that finished, as the Operator SDK's metrics count them. */
    private double reconciles(String namespace, String name) {
        return registry.getMeters().stream()
                .filter(m -> m.getId().getName().equals("operator.sdk.reconciliations.success"))
                .filter(m ->
                        m.getId().getTags().stream().anyMatch(t -> t.getValue().equals(name)))
                .filter(m ->
                        m.getId().getTags().stream().anyMatch(t -> t.getValue().equals(namespace)))
                .flatMap(m -> StreamSupport.stream(m.measure().spliterator(), false))
                .mapToDouble(Measurement::getValue)
                .sum();
    }

    /**
     * The resource version of every object tenant quiet owns and of the Tenant itself (its status), with their
     * managed fields; of the touched policy, the service's managed fields only.
     */
    private static Map<String, String> writesOfQuiet() {
        Map<String, String> versions = new TreeMap<>();
        String ns = "tenant-quiet";
        versions.put("Tenant", writeOf(Tenants.get("tenant-root", "quiet")));
        versions.put("Namespace", writeOf(client().namespaces().withName(ns).get()));
        versions.put(
                "ServiceAccount",
                writeOf(client().serviceAccounts().inNamespace(ns).withName(ns).get()));
        versions.put(
                "ServiceAccount " + ReleaseServiceAccount.NAME,
                writeOf(client().serviceAccounts()
                        .inNamespace(ns)
                        .withName(ReleaseServiceAccount.NAME)
                        .get()));
        client().rbac()
                .roleBindings()
                .inNamespace(ns)
                .list()
                .getItems()
                .forEach(b -> versions.put("RoleBinding " + b.getMetadata().getName(), writeOf(b)));
        client().network()
                .v1()
                .networkPolicies()
                .inNamespace(ns)
                .list()
                .getItems()
                .forEach(p -> versions.put(
                        "NetworkPolicy " + p.getMetadata().getName(),
                        p.getMetadata().getName().equals(NetworkPoliciesFor.EGRESS)
                                ? serviceEntries(p).toString()
                                : writeOf(p)));
        // Tenant, Namespace, 2 ServiceAccounts; 4 level RoleBindings and the release one; 6 NetworkPolicies
        assertThat(versions).hasSize(4 + 5 + 6);
        return versions;
    }

    private static String writeOf(HasMetadata object) {
        return object.getMetadata().getResourceVersion() + " "
                + object.getMetadata().getManagedFields().stream()
                        .map(e ->
                                e.getManager() + "/" + e.getOperation() + "/" + e.getSubresource() + "@" + e.getTime())
                        .toList();
    }

    private static List<String> serviceEntries(HasMetadata object) {
        return object.getMetadata().getManagedFields().stream()
                .filter(e -> e.getManager().equals("hearth-tenant-service"))
                .map(e -> e.getOperation() + "/" + e.getSubresource() + "@" + e.getTime())
                .toList();
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
