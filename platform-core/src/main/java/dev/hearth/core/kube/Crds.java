package dev.hearth.core.kube;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;

/** What the API server says about a CustomResourceDefinition. */
public final class Crds {
    private Crds() {}

    /** Whether the API server serves the CRD's kind: its {@code Established} condition is {@code True}. */
    public static boolean established(CustomResourceDefinition crd) {
        return crd != null
                && crd.getStatus() != null
                && crd.getStatus().getConditions() != null
                && crd.getStatus().getConditions().stream()
                        .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
    }
}
