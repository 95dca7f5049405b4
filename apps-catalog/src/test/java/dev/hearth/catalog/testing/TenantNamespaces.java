package dev.hearth.catalog.testing;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.hearth.core.Labels;
import dev.hearth.core.naming.TenantNamespaceName;
import dev.hearth.core.tenant.TenantFacts;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/** Tenant Namespaces as tenant-service leaves them (labels of the lineage, the facts as annotations), for app tests. */
public final class TenantNamespaces {
    private TenantNamespaces() {}

    /** Applies the tenant namespace {@code namespace} (and no Tenant object): what apps-catalog reads of a tenant. */
    public static Namespace apply(KubernetesClient client, String namespace, TenantFacts facts) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(Labels.TENANT, namespace);
        TenantNamespaceName.parentOf(namespace).ifPresent(parent -> labels.put(Labels.PARENT, parent));
        for (String lineage : TenantNamespaceName.path(namespace)) {
            labels.put(Labels.tenantAncestor(lineage), "");
        }
        return client.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(namespace)
                        .withLabels(labels)
                        .withAnnotations(facts.annotations())
                        .endMetadata()
                        .build())
                .serverSideApply();
    }
}
