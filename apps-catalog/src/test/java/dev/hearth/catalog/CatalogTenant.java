package dev.hearth.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import dev.hearth.core.Labels;
import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.core.tenant.TenantFacts;
import dev.hearth.core.testing.TenantWithStatus;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/** A tenant child of tenant-root as tenant-service would leave it, for the catalog's tests (tenant-service not running). */
public final class CatalogTenant {
    private CatalogTenant() {}

    /**
     * Creates tenant {@code <prefix><random>} inheriting etcd and monitoring from tenant-root and running its own
     * ingress, with its Namespace annotated with those facts; returns its namespace.
     */
    public static String create(KubernetesClient client, String prefix) {
        String name = prefix + UUID.randomUUID().toString().substring(0, 6).replace("-", "");
        String tenantNamespace = "tenant-" + name;
        Tenant admitted = TenantWithStatus.named("tenant-root", name)
                .host(name + ".example.org")
                .services("tenant-root", tenantNamespace, "tenant-root", null)
                .build();
        assertThat(admitted.getStatus().namespace).isEqualTo(tenantNamespace);
        for (String ns : List.of("tenant-root", tenantNamespace)) {
            client.namespaces()
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(ns)
                            .endMetadata()
                            .build())
                    .serverSideApply();
        }
        // the facts apps read: on the tenant Namespace, as tenant-service writes them (not the Tenant status)
        TenantFacts facts = TenantFacts.of(admitted);
        client.namespaces().withName(tenantNamespace).edit(ns -> {
            ns.getMetadata().getLabels().put(Labels.TENANT, tenantNamespace);
            ns.getMetadata().setAnnotations(facts.annotations());
            return ns;
        });
        // a create drops the status: it is written afterwards, as tenant-service does
        Tenant tenant = client.resource(admitted).create();
        tenant.setStatus(admitted.getStatus());
        client.resource(tenant).updateStatus();
        return tenantNamespace;
    }
}
