package dev.hearth.catalog.instance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import dev.hearth.core.api.catalog.ApplicationDefinition;
import dev.hearth.core.api.catalog.Release;
import dev.hearth.core.kube.ChildMetadata;
import dev.hearth.core.tenant.ReleaseServiceAccount;
import dev.hearth.core.tenant.TenantFacts;
import dev.hearth.core.upstream.Flux;
import dev.hearth.core.upstream.Upstream;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * The Flux HelmRelease {@code <prefix><name>} an app instance becomes (DESIGN.md §6): the definition's chart through
 * its Flux source, the instance's spec as values plus the tenant's inherited services under {@code _namespace},
 * installed as the namespace's {@link ReleaseServiceAccount release ServiceAccount}.
 */
public final class HelmReleaseFor {
    private HelmReleaseFor() {}

    public static String name(ApplicationDefinition definition, String instanceName) {
        return definition.getSpec().release.prefix + instanceName;
    }

    /**
     * @param fieldManager the service's field manager ({@code hearth-apps-catalog}), the value of the managed-by label
     */
    @SuppressWarnings("unchecked")
    public static Flux.HelmRelease desired(
            GenericKubernetesResource instance,
            ApplicationDefinition definition,
            TenantFacts tenant,
            String fieldManager) {
        Release release = definition.getSpec().release;
        String name = instance.getMetadata().getName();

        Map<String, Object> values = new LinkedHashMap<>();
        Object spec = instance.getAdditionalProperties().get("spec");
        if (spec instanceof Map<?, ?> specMap) {
            values.putAll((Map<String, Object>) specMap);
        }
        values.put("_namespace", NamespaceValuesFor.tenant(tenant));

        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("chart", release.chart.name);
        chart.put("version", release.chart.version);
        chart.put("reconcileStrategy", "ChartVersion");
        chart.put(
                "sourceRef",
                Map.of(
                        "kind", release.chart.sourceRef.kind.name(),
                        "name", release.chart.sourceRef.name,
                        "namespace", release.chart.sourceRef.namespace));

        // A failed install or upgrade is retried, never remediated by uninstalling: an uninstall would delete the app's
        // data.
        Map<String, Object> retry = Map.of("strategy", Map.of("name", "RetryOnFailure", "retryInterval", "2m"));

        Map<String, Object> specOut = new LinkedHashMap<>();
        specOut.put("interval", "5m");
        specOut.put("releaseName", name(definition, name));
        // helm-controller impersonates it: the chart may act in this namespace only, never as helm-controller itself
        specOut.put("serviceAccountName", ReleaseServiceAccount.NAME);
        specOut.put("chart", Map.of("spec", chart));
        specOut.put("install", retry);
        specOut.put("upgrade", retry);
        specOut.put("values", values);

        var metadata = ChildMetadata.of(instance, name(definition, name), fieldManager);
        // the definition's own labels, under the ones every child carries
        Map<String, String> labels = new TreeMap<>(release.labels);
        labels.putAll(metadata.getLabels());
        metadata.setLabels(labels);
        return SpecHash.stamp(Upstream.object(Flux.HelmRelease.class, metadata, specOut));
    }
}
