package dev.hearth.bundle.model;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * One Helm release of a bundle. {@code privileged} sets its namespace's pod-security level to privileged (else
 * restricted); {@code readiness} is what must hold beyond the HelmRelease's own Ready (e.g.
 * {@code crd:clusters.postgresql.cnpg.io}); {@code variants} empty means every variant; {@code ownsData} keeps Helm
 * from uninstalling it after a failed upgrade, and pruning from deleting it unless the deletion policy says so;
 * {@code migration}, when set, says what this chart version does to the component's data that older versions cannot
 * undo: once it is deployed, a failed bundle upgrade is not rolled back below it; {@code serviceAccountName}, when
 * set, is the account (in the releases' namespace) helm-controller impersonates to install and upgrade it, so a
 * component gets only the rights it needs rather than helm-controller's own.
 */
public record Component(
        String name,
        String layer,
        Chart chart,
        String namespace,
        JsonNode values,
        List<String> dependsOn,
        boolean optional,
        boolean privileged,
        boolean ownsData,
        String readiness,
        List<String> variants,
        String migration,
        String serviceAccountName) {

    public Component {
        values = values == null ? JsonNodeFactory.instance.objectNode() : values;
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        variants = variants == null ? List.of() : List.copyOf(variants);
    }

    public boolean inVariant(String variant) {
        return variants.isEmpty() || variants.contains(variant);
    }
}
