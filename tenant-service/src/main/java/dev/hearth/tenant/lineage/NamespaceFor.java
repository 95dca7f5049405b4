package dev.hearth.tenant.lineage;

import java.util.Map;

import dev.hearth.core.Labels;
import dev.hearth.core.api.tenant.TenantServices;
import dev.hearth.core.tenant.TenantFacts;
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

    /** The inherited services' namespaces and the host, as {@link TenantFacts#annotations}. */
    static Map<String, String> facts(TenantPlacement placement) {
        TenantServices services = placement.services() == null ? new TenantServices() : placement.services();
        return new TenantFacts(placement.namespace(), services, placement.host()).annotations();
    }
}
