package dev.hearth.tenant.modules;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.hearth.core.api.ApiGroups;
import dev.hearth.tenant.lineage.TenantPlacement;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;

/** The app instance that runs a tenant module; its values come from the kind's schema defaults. */
public final class ModuleInstanceFor {
    /** Marks app instances that the tenant service manages as modules, not user apps. */
    public static final String MODULE_LABEL = "apps.hearth.dev/tenant-module";

    private ModuleInstanceFor() {}

    public static GenericKubernetesResource desired(TenantPlacement placement, TenantModule module) {
        Map<String, String> labels = new LinkedHashMap<>(placement.objectLabels());
        labels.put(MODULE_LABEL, "true");
        return new GenericKubernetesResourceBuilder()
                .withApiVersion(ApiGroups.APPS + "/" + ApiGroups.VERSION)
                .withKind(module.kind())
                .withNewMetadata()
                .withName(module.instanceName())
                .withNamespace(placement.namespace())
                .withLabels(labels)
                .endMetadata()
                .addToAdditionalProperties("spec", Map.of())
                .build();
    }
}
