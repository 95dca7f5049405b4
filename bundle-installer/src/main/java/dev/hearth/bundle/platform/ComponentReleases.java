package dev.hearth.bundle.platform;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hearth.bundle.plan.Installed;
import dev.hearth.bundle.render.ComponentReleaseFor;
import dev.hearth.core.upstream.Flux;
import dev.hearth.core.upstream.FluxReady;
import dev.hearth.core.upstream.GenericFields;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;

/** A bundle's HelmReleases as they are now (read from the informer): what each installs and whether it is ready. */
@ApplicationScoped
public class ComponentReleases {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final KubernetesClient client;

    ComponentReleases(KubernetesClient client) {
        this.client = client;
    }

    /** What a release asks Helm for (its spec, not what ran): the plan compares it with what the bundle wants. */
    public static Installed installed(String component, Flux.HelmRelease release) {
        String version = GenericFields.string(release, "spec", "chart", "spec", "version")
                .orElse("");
        JsonNode values =
                JSON.valueToTree(GenericFields.map(release, "spec", "values").orElse(Map.of()));
        return new Installed(component, version, values);
    }

    /** The chart version the release asks for. */
    public static String specVersion(Flux.HelmRelease release) {
        return GenericFields.string(release, "spec", "chart", "spec", "version").orElse("");
    }

    /** Whether the release's upgrades leave its CRDs alone (a rolled-back release). */
    public static boolean keepsCrds(Flux.HelmRelease release) {
        return ComponentReleaseFor.KEEP_CRDS.equals(
                GenericFields.string(release, "spec", "upgrade", "crds").orElse(""));
    }

    /**
     * Flux gave up on the release's current spec: it says Stalled, or its failures went past the remediation
     * retries. Until then a failure is Flux's to retry, not a failed upgrade.
     */
    public static boolean gaveUp(Flux.HelmRelease release) {
        boolean stalled = currentConditions(release).stream()
                .anyMatch(c -> "Stalled".equals(c.get("type")) && "True".equals(c.get("status")));
        return stalled || (FluxReady.of(release).isFalse() && failures(release) > ComponentReleaseFor.RETRIES);
    }

    /** The release's conditions that describe its current generation (Flux stamps each with the one it saw). */
    static List<Map<String, Object>> currentConditions(Flux.HelmRelease release) {
        Long generation = release.getMetadata().getGeneration();
        return GenericFields.list(release, "status", "conditions").stream()
                .filter(c -> !(c.get("observedGeneration") instanceof Number n)
                        || generation == null
                        || n.longValue() >= generation)
                .toList();
    }

    public static int failures(Flux.HelmRelease release) {
        return GenericFields.integer(release, "status", "installFailures").orElse(0)
                + GenericFields.integer(release, "status", "upgradeFailures").orElse(0);
    }

    /** The chart version Helm last installed successfully, from the release's history. */
    public static Optional<String> deployedVersion(Flux.HelmRelease release) {
        return GenericFields.list(release, "status", "history").stream()
                .findFirst()
                .filter(h -> "deployed".equals(h.get("status")))
                .map(h -> String.valueOf(h.get("chartVersion")));
    }

    /** Ready for its dependents: Flux says Ready, at the wanted version, and the readiness expression holds. */
    public boolean ready(Flux.HelmRelease release, String wantedVersion, String readiness) {
        return FluxReady.of(release).isTrue()
                && deployedVersion(release).map(wantedVersion::equals).orElse(false)
                && expressionHolds(readiness);
    }

    private boolean expressionHolds(String readiness) {
        if (readiness == null) {
            return true;
        }
        if (readiness.startsWith("crd:")) {
            CustomResourceDefinition crd = client.apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .withName(readiness.substring("crd:".length()))
                    .get();
            return crd != null
                    && crd.getStatus() != null
                    && crd.getStatus().getConditions().stream()
                            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
        }
        String[] deployment = readiness.substring("deployment:".length()).split("/");
        var found = client.apps()
                .deployments()
                .inNamespace(deployment[0])
                .withName(deployment[1])
                .get();
        return found != null
                && found.getStatus() != null
                && found.getStatus().getAvailableReplicas() != null
                && found.getStatus().getAvailableReplicas() > 0;
    }
}
