package dev.hearth.tenant.lineage;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.hearth.core.Annotations;
import dev.hearth.core.Labels;
import dev.hearth.core.api.tenant.TenantServices;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;

/**
 * The namespace of a tenant, labelled with its lineage and annotated with what it inherits (the source consumers trust:
 * only tenant-service writes Namespaces); tenant-root's also refuses deletion.
 */
public final class NamespaceFor {
    private NamespaceFor() {}

    public static Namespace desired(TenantPlacement placement) {
        var builder = new NamespaceBuilder()
                .withNewMetadata()
                .withName(placement.namespace())
                .withLabels(placement.namespaceLabels())
                .withAnnotations(facts(placement))
                .endMetadata();
        if (placement.isRoot()) {
            builder.editMetadata().addToLabels(Labels.NO_DELETE, "true").endMetadata();
        }
        return builder.build();
    }

    /** The inherited services' namespaces and the host, as {@link Annotations}; absent ones are left out. */
    static Map<String, String> facts(TenantPlacement placement) {
        Map<String, String> annotations = new LinkedHashMap<>();
        TenantServices services = placement.services() == null ? new TenantServices() : placement.services();
        put(annotations, Annotations.TENANT_ETCD, services.etcd);
        put(annotations, Annotations.TENANT_INGRESS, services.ingress);
        put(annotations, Annotations.TENANT_MONITORING, services.monitoring);
        put(annotations, Annotations.TENANT_SEAWEEDFS, services.seaweedfs);
        put(annotations, Annotations.TENANT_HOST, placement.host());
        return annotations;
    }

    private static void put(Map<String, String> annotations, String key, String value) {
        if (value != null && !value.isBlank()) {
            annotations.put(key, value);
        }
    }
}
