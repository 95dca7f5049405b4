package dev.hearth.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import dev.hearth.core.Labels;
import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.core.tenant.ReleaseServiceAccount;
import dev.hearth.core.tenant.TenantFacts;
import dev.hearth.core.testing.TenantWithStatus;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
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
        releaseAccount(client, tenantNamespace);
        // a create drops the status: it is written afterwards, as tenant-service does
        Tenant tenant = client.resource(admitted).create();
        tenant.setStatus(admitted.getStatus());
        client.resource(tenant).updateStatus();
        return tenantNamespace;
    }

    /**
     * The account helm-controller installs the namespace's releases as ({@link ReleaseServiceAccount}), bound there to
     * the release rules, as tenant-service writes them.
     */
    public static void releaseAccount(KubernetesClient client, String namespace) {
        client.resource(new ClusterRoleBuilder()
                        .withNewMetadata()
                        .withName(ReleaseServiceAccount.ROLE)
                        .endMetadata()
                        .withRules(ReleaseServiceAccount.rules())
                        .build())
                .serverSideApply();
        client.resource(new ServiceAccountBuilder()
                        .withNewMetadata()
                        .withName(ReleaseServiceAccount.NAME)
                        .withNamespace(namespace)
                        .endMetadata()
                        .build())
                .serverSideApply();
        client.resource(new RoleBindingBuilder()
                        .withNewMetadata()
                        .withName(ReleaseServiceAccount.ROLE)
                        .withNamespace(namespace)
                        .endMetadata()
                        .withNewRoleRef()
                        .withApiGroup("rbac.authorization.k8s.io")
                        .withKind("ClusterRole")
                        .withName(ReleaseServiceAccount.ROLE)
                        .endRoleRef()
                        .addNewSubject()
                        .withKind("ServiceAccount")
                        .withName(ReleaseServiceAccount.NAME)
                        .withNamespace(namespace)
                        .endSubject()
                        .build())
                .serverSideApply();
    }
}
