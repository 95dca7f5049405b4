package dev.hearth.tenant.quota;

import static dev.hearth.core.testing.Refusals.assertRefused;
import static dev.hearth.tenant.Tenants.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.core.status.ReadyCondition;
import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.tenant.Tenants;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** With kube-controller-manager running, so that its quota controller keeps each ResourceQuota's usage real. */
@QuarkusTest
@QuarkusTestResource(
        value = KubeApiServerTestResource.class,
        initArgs = @ResourceArg(name = "controllerManager", value = "true"))
class HierarchicalQuotaIT {

    @Test
    void aChildOfABoundParentCannotEscapeItsBudgetNorTakeWhatTheParentUses() {
        Tenants.awaitRoot();
        Tenants.apply(tenant("tenant-root", "spender", "2"));
        Tenants.awaitReason("tenant-root", "spender", "NamespaceReady");
        client().pods()
                .inNamespace("tenant-spender")
                .resource(new PodBuilder()
                        .withNewMetadata()
                        .withName("busy")
                        .endMetadata()
                        .withNewSpec()
                        .addNewContainer()
                        .withName("work")
                        .withImage("registry.example/work:1")
                        .withNewResources()
                        .addToRequests("cpu", new Quantity("1500m"))
                        .addToLimits("cpu", new Quantity("1500m"))
                        .endResources()
                        .endContainer()
                        .endSpec()
                        .build())
                .create();
        org.awaitility.Awaitility.await()
                .atMost(Tenants.TIMEOUT)
                .untilAsserted(
                        () -> assertThat(Tenants.get("tenant-root", "spender").getStatus().quota.used)
                                .containsEntry("cpu", new Quantity("1500m")));

        Tenant free = new Tenant();
        free.setMetadata(new ObjectMetaBuilder()
                .withNamespace("tenant-spender")
                .withName("free")
                .build());
        Tenants.apply(free);
        assertThat(message(Tenants.awaitReason("tenant-spender", "free", "QuotaExceeded")))
                .isEqualTo("The quota does not fit in what tenant-spender has left: cpu: not declared, but "
                        + "tenant-spender is bound by a quota; declare spec.resourceQuotas.cpu (500m of 2 is left "
                        + "(1500m used by tenant-spender itself, 0 given to other children)). "
                        + "Lower spec.resourceQuotas or free budget in the parent.");
        assertThat(client().namespaces().withName("tenant-spender-free").get()).isNull();

        Tenants.apply(tenant("tenant-spender", "free", "1"));
        assertThat(message(Tenants.awaitReason("tenant-spender", "free", "QuotaExceeded")))
                .contains("cpu: requested 1 but only 500m of 2 is left (1500m used by tenant-spender itself");

        Tenants.apply(tenant("tenant-spender", "free", "500m"));
        Tenants.awaitReason("tenant-spender", "free", "NamespaceReady");
        assertThat(client().resourceQuotas()
                        .inNamespace("tenant-spender-free")
                        .withName("tenant-quota")
                        .get()
                        .getSpec()
                        .getHard())
                .containsEntry("requests.cpu", new Quantity("500m"));
        // what the parent gave away leaves its own namespace: together they stay within its 2 CPUs
        org.awaitility.Awaitility.await()
                .atMost(Tenants.TIMEOUT)
                .untilAsserted(() -> assertThat(client().resourceQuotas()
                                .inNamespace("tenant-spender")
                                .withName("tenant-quota")
                                .get()
                                .getSpec()
                                .getHard())
                        .containsEntry("requests.cpu", new Quantity("1500m"))
                        .containsEntry("limits.cpu", new Quantity("1500m")));
    }

    private static String message(Tenant tenant) {
        return ReadyCondition.find(tenant.getStatus().conditions, "Ready")
                .orElseThrow()
                .getMessage();
    }

    @Test
    void anOverBudgetChildIsRefusedWithTheAmountsAndFreeingBudgetLetsItIn() {
        Tenants.applyReady("quota/pool.yaml");
        Tenants.applyReady("quota/first.yaml");

        Tenants.apply(Tenants.fixture("quota/second.yaml"));
        Tenant refused = Tenants.awaitReason("tenant-pool", "second", "QuotaExceeded");
        assertThat(ReadyCondition.find(refused.getStatus().conditions, "Ready")
                        .orElseThrow()
                        .getMessage())
                .isEqualTo("The quota does not fit in what tenant-pool has left: "
                        + "cpu: requested 2 but only 1 of 4 is left (0 used by tenant-pool itself, 3 given to other "
                        + "children), 1 too much. "
                        + "Lower spec.resourceQuotas or free budget in the parent.");
        assertThat(refused.getStatus().namespace).isNull();
        assertThat(client().namespaces().withName("tenant-pool-second").get()).isNull();

        Tenant first = Tenants.fixture("quota/first.yaml");
        first.getSpec().resourceQuotas.put("cpu", new Quantity("2"));
        Tenants.apply(first);

        Tenant admitted = Tenants.awaitReason("tenant-pool", "second", "NamespaceReady");
        assertThat(admitted.getStatus().namespace).isEqualTo("tenant-pool-second");
        assertThat(client().namespaces().withName("tenant-pool-second").get()).isNotNull();
        org.awaitility.Awaitility.await()
                .atMost(Tenants.TIMEOUT)
                .untilAsserted(
                        () -> assertThat(Tenants.get("tenant-root", "pool").getStatus().quota.allocatedToChildren)
                                .containsOnly(
                                        entry("cpu", new Quantity("4")),
                                        entry("memory", new Quantity("6Gi")),
                                        entry("pods", new Quantity("10"))));
        assertThat(Tenants.get("tenant-root", "pool").getStatus().quota.hard)
                .containsOnly(
                        entry("cpu", new Quantity("4")),
                        entry("memory", new Quantity("8Gi")),
                        entry("pods", new Quantity("20")));
    }

    @Test
    void siblingsCreatedTogetherCannotBothTakeTheSameBudget() {
        Tenants.awaitRoot();
        Tenants.apply(tenant("tenant-root", "twins", "2"));
        Tenants.awaitReason("tenant-root", "twins", "NamespaceReady");

        Tenants.apply(tenant("tenant-twins", "left", "2"));
        Tenants.apply(tenant("tenant-twins", "right", "2"));

        org.awaitility.Awaitility.await()
                .atMost(Tenants.TIMEOUT)
                .until(
                        () -> java.util.stream.Stream.of("left", "right")
                                .map(name -> readyReason(Tenants.get("tenant-twins", name)))
                                .sorted()
                                .toList(),
                        reasons -> reasons.equals(java.util.List.of("NamespaceReady", "QuotaExceeded")));
    }

    private static Tenant tenant(String namespace, String name, String cpu) {
        Tenant tenant = new Tenant();
        tenant.setMetadata(
                new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
        tenant.getSpec().resourceQuotas = new java.util.TreeMap<>(Map.of("cpu", new Quantity(cpu)));
        return tenant;
    }

    private static String readyReason(Tenant tenant) {
        return tenant == null || tenant.getStatus() == null
                ? ""
                : ReadyCondition.find(tenant.getStatus().conditions, ReadyCondition.TYPE)
                        .map(c -> c.getReason())
                        .orElse("");
    }

    @Test
    void theQuotaBecomesAResourceQuotaAndContainerDefaults() {
        Tenants.applyReady("quota/pool.yaml");

        // the namespace keeps the quota less what pool gave its children (other tests give it some)
        var allocated = Tenants.get("tenant-root", "pool").getStatus().quota.allocatedToChildren;
        Map<String, Quantity> kept = dev.hearth.tenant.quota.QuotaBudget.keptByParent(
                Map.of("cpu", new Quantity("4"), "memory", new Quantity("8Gi"), "pods", new Quantity("20")),
                allocated == null ? Map.of() : allocated);
        ResourceQuota quota = client().resourceQuotas()
                .inNamespace("tenant-pool")
                .withName("tenant-quota")
                .get();
        assertThat(quota.getSpec().getHard())
                .containsOnly(
                        entry("requests.cpu", kept.get("cpu")),
                        entry("limits.cpu", kept.get("cpu")),
                        entry("requests.memory", kept.get("memory")),
                        entry("limits.memory", kept.get("memory")),
                        entry("pods", kept.get("pods")));
        LimitRange range = client().limitRanges()
                .inNamespace("tenant-pool")
                .withName("tenant-range-limits")
                .get();
        var limit = range.getSpec().getLimits().get(0);
        assertThat(limit.getType()).isEqualTo("Container");
        assertThat(limit.getDefault())
                .containsOnly(
                        entry("cpu", new Quantity("250m")),
                        entry("memory", new Quantity("128Mi")),
                        entry("ephemeral-storage", new Quantity("2Gi")));
        assertThat(limit.getDefaultRequest())
                .containsOnly(
                        entry("cpu", new Quantity("25m")),
                        entry("memory", new Quantity("128Mi")),
                        entry("ephemeral-storage", new Quantity("50Mi")));
    }

    @Test
    void negativeOrMalformedQuotasAndDashedNamesAreRefusedByTheApiServer() {
        assertRefused(
                () -> Tenants.apply(tenant("negative", Map.of("cpu", new Quantity("-1")))),
                "every value must be a non-negative Kubernetes quantity such as 500m, 2, 4Gi or 10G");
        assertRefused(
                () -> Tenants.apply(tenant("malformed", Map.of("memory", new Quantity("4 GB")))),
                "every value must be a non-negative Kubernetes quantity");
        assertRefused(
                () -> Tenants.apply(tenant("my-team", Map.of())),
                "a Tenant name must start with a lowercase letter and contain only lowercase letters and digits (no dashes)");
    }

    private static Tenant tenant(String name, Map<String, Quantity> quota) {
        Tenant tenant = new Tenant();
        tenant.setMetadata(new ObjectMetaBuilder()
                .withName(name)
                .withNamespace("tenant-root")
                .build());
        tenant.getSpec().resourceQuotas.putAll(quota);
        return tenant;
    }
}
