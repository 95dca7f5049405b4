package dev.hearth.catalog.instance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.hearth.core.Labels;
import dev.hearth.core.api.catalog.ApplicationDefinition;
import dev.hearth.core.api.catalog.Release;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;

/**
 * The Flux HelmRelease {@code <prefix><name>} an app instance becomes (DESIGN.md §6): the definition's chart through
 * its Flux source, the instance's spec as values plus the tenant's inherited services under {@code _namespace}.
 */
public final class HelmReleaseFor {
    public static final String API_VERSION = "helm.toolkit.fluxcd.io/v2";
    public static final String KIND = "HelmRelease";

    private HelmReleaseFor() {}

    public static String name(ApplicationDefinition definition, String instanceName) {
        return definition.getSpec().release.prefix + instanceName;
    }

    @SuppressWarnings("unchecked")
    public static GenericKubernetesResource instance(
            GenericKubernetesResource instance, ApplicationDefinition definition, TenantContext tenant) {
        Release release = definition.getSpec().release;
        String kind = instance.getKind();
        String name = instance.getMetadata().getName();

        Map<String, String> labels = new TreeMap<>(release.labels);
        labels.put(Labels.APPLICATION_KIND, kind);
        labels.put(Labels.APPLICATION_NAME, name);
        labels.put(Labels.TENANT, instance.getMetadata().getNamespace());
        labels.put(Labels.MANAGED_BY, Labels.managedBy("apps-catalog"));

        Map<String, Object> values = new LinkedHashMap<>();
        Object spec = instance.getAdditionalProperties().get("spec");
        if (spec instanceof Map<?, ?> specMap) {
            values.putAll((Map<String, Object>) specMap);
        }
        values.put("_namespace", tenant.values());

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
        specOut.put("chart", Map.of("spec", chart));
        specOut.put("install", retry);
        specOut.put("upgrade", retry);
        specOut.put("values", values);

        GenericKubernetesResource helmRelease = new GenericKubernetesResource();
        helmRelease.setApiVersion(API_VERSION);
        helmRelease.setKind(KIND);
        helmRelease.setMetadata(new ObjectMetaBuilder()
                .withName(name(definition, name))
                .withNamespace(instance.getMetadata().getNamespace())
                .withLabels(labels)
                .withOwnerReferences(List.of(new OwnerReferenceBuilder()
                        .withApiVersion(instance.getApiVersion())
                        .withKind(kind)
                        .withName(name)
                        .withUid(instance.getMetadata().getUid())
                        .withController(true)
                        .withBlockOwnerDeletion(true)
                        .build()))
                .build());
        helmRelease.setAdditionalProperty("spec", specOut);
        return SpecHash.stamp(helmRelease);
    }
}
