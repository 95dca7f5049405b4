package dev.hearth.tenant;

import static dev.hearth.tenant.Tenants.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.core.testing.KubeApiServerTestResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.Quantity;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The Operator SDK adds its finalizer with server-side apply under the service's field manager: that patch must not
 * touch the spec, which stays exactly as the user wrote it (with the API server's defaults for what they left out).
 */
@QuarkusTest
@QuarkusTestResource(KubeApiServerTestResource.class)
class TenantSpecOwnershipIT {

    @Test
    void theFinalizerPatchLeavesTheUsersSpecAlone() {
        Tenants.awaitRoot();
        Tenant tenant = new Tenant();
        tenant.getMetadata().setName("keeper");
        tenant.getMetadata().setNamespace("tenant-root");
        tenant.getSpec().etcd = true;
        tenant.getSpec().host = "keeper.example.net";
        tenant.getSpec().resourceQuotas.put("cpu", new Quantity("1"));
        tenant.getSpec().resourceQuotas.put("memory", new Quantity("1Gi"));
        Tenants.apply(tenant);

        Tenants.awaitReason("tenant-root", "keeper", "NamespaceReady");
        await().atMost(Tenants.TIMEOUT)
                .until(() -> !Tenants.get("tenant-root", "keeper")
                        .getMetadata()
                        .getFinalizers()
                        .isEmpty());

        GenericKubernetesResource stored = client().genericKubernetesResources("apps.hearth.dev/v1alpha1", "Tenant")
                .inNamespace("tenant-root")
                .withName("keeper")
                .get();
        assertThat(stored.getAdditionalProperties().get("spec"))
                .as("the user's spec, and the API server's defaults for the flags the user left out")
                .isEqualTo(Map.of(
                        "etcd", true,
                        "host", "keeper.example.net",
                        "resourceQuotas", Map.of("cpu", "1", "memory", "1Gi"),
                        "ingress", false,
                        "monitoring", false,
                        "seaweedfs", false));

        List<ManagedFieldsEntry> entries = stored.getMetadata().getManagedFields();
        assertThat(entries.stream().filter(e -> fields(e).contains("\"f:finalizers\"")))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.getManager()).isEqualTo("hearth-tenant-service");
                    assertThat(e.getOperation()).isEqualTo("Apply");
                    assertThat(e.getSubresource()).isNull();
                    // the SDK's patch is a fresh Tenant, whose spec is an empty map: it owns no field of the spec
                    assertThat(specFields(e)).isEmpty();
                });
        assertThat(entries.stream().filter(e -> !specFields(e).isEmpty()))
                .as("only the user manages fields of the spec")
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.getManager()).isEqualTo("test-user");
                    assertThat(specFields(e)).containsExactlyInAnyOrder("f:etcd", "f:host", "f:resourceQuotas");
                });
    }

    /** The fields of the spec that a managed-fields entry owns (their names, e.g. {@code f:etcd}). */
    private static List<String> specFields(ManagedFieldsEntry entry) {
        Object spec = entry.getFieldsV1().getAdditionalProperties().get("f:spec");
        return spec instanceof Map<?, ?> fields
                ? fields.keySet().stream().map(String::valueOf).toList()
                : List.of();
    }

    private static String fields(ManagedFieldsEntry entry) {
        return client().getKubernetesSerialization().asJson(entry.getFieldsV1());
    }
}
