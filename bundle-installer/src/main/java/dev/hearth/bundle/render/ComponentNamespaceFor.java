package dev.hearth.bundle.render;

import java.util.Map;

import dev.hearth.bundle.model.Component;
import dev.hearth.core.Labels;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;

/**
 * A component's namespace, made by the installer (not by Helm) so that its pod-security level is set before anything
 * runs there: {@code privileged} for components that need host access (CNI, storage, KubeVirt), else
 * {@code restricted}.
 */
public final class ComponentNamespaceFor {
    static final String ENFORCE = "pod-security.kubernetes.io/enforce";

    private ComponentNamespaceFor() {}

    public static Namespace desired(String bundle, Component component) {
        return new NamespaceBuilder()
                .withNewMetadata()
                .withName(component.namespace())
                .withLabels(Map.of(
                        Labels.MANAGED_BY,
                        BundleLabels.FIELD_MANAGER,
                        BundleLabels.BUNDLE,
                        bundle,
                        ENFORCE,
                        component.privileged() ? "privileged" : "restricted"))
                .endMetadata()
                .build();
    }
}
