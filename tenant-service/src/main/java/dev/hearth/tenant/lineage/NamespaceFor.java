package dev.hearth.tenant.lineage;

import dev.hearth.core.Labels;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;

/** The namespace of a tenant, labelled with its lineage; tenant-root's also refuses deletion. */
public final class NamespaceFor {
    private NamespaceFor() {}

    public static Namespace desired(TenantPlacement placement) {
        var builder = new NamespaceBuilder()
                .withNewMetadata()
                .withName(placement.namespace())
                .withLabels(placement.namespaceLabels())
                .endMetadata();
        if (placement.isRoot()) {
            builder.editMetadata().addToLabels(Labels.NO_DELETE, "true").endMetadata();
        }
        return builder.build();
    }
}
