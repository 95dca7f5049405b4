package dev.hearth.bundle.render;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.hearth.bundle.model.Component;
import dev.hearth.core.Labels;
import dev.hearth.core.upstream.Flux;
import dev.hearth.core.upstream.Upstream;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

/**
 * A component's HelmRelease: in {@link BundleLabels#NAMESPACE}, installing into the component's namespace, waiting for
 * its dependencies' releases ({@code dependsOn}). CRDs are created and replaced on install and upgrade, never deleted
 * (Helm keeps them on uninstall, and a rollback leaves them as they are). A failed upgrade is rolled back, never
 * uninstalled; a failed first install of a data-owning component is not uninstalled either, so nothing it made is lost.
 */
public final class ComponentReleaseFor {
    static final String INTERVAL = "10m";
    static final String TIMEOUT = "10m";
    public static final int RETRIES = 3;
    public static final String KEEP_CRDS = "Skip";

    private ComponentReleaseFor() {}

    public static Flux.HelmRelease desired(String bundle, Component component, JsonNode values) {
        return desired(bundle, component, values, null);
    }

    /**
     * With a retry request (any new token in {@code spec.components.<name>.retryRequest}): Flux's request, reset and
     * force annotations carry the token, so helm-controller forgets the failure count and runs the release again, even
     * when nothing else changed.
     */
    public static Flux.HelmRelease desired(String bundle, Component component, JsonNode values, String retryRequest) {
        return desired(bundle, component, values, retryRequest, false);
    }

    /**
     * With {@code keepCrds} (a rollback, and the rolled-back release until the bundle moves it forward): its upgrade
     * skips the chart's CRDs, so going back to an older chart never replaces the newer CRDs with older ones, which
     * objects written since may need.
     */
    public static Flux.HelmRelease desired(
            String bundle, Component component, JsonNode values, String retryRequest, boolean keepCrds) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("interval", INTERVAL);
        spec.put("timeout", TIMEOUT);
        spec.put("releaseName", component.name());
        if (component.serviceAccountName() != null) {
            spec.put("serviceAccountName", component.serviceAccountName());
        }
        spec.put("targetNamespace", component.namespace());
        spec.put("storageNamespace", component.namespace());
        spec.put(
                "chart",
                Map.of(
                        "spec",
                        Map.of(
                                "chart", component.chart().name(),
                                "version", component.chart().version(),
                                "interval", "1h",
                                "sourceRef",
                                        Map.of(
                                                "kind",
                                                "HelmRepository",
                                                "name",
                                                SourceFor.name(component.chart().repository()),
                                                "namespace",
                                                BundleLabels.NAMESPACE))));
        if (!component.dependsOn().isEmpty()) {
            spec.put(
                    "dependsOn",
                    component.dependsOn().stream()
                            .sorted()
                            .map(d -> Map.of("name", d))
                            .toList());
        }
        spec.put(
                "install",
                Map.of(
                        "crds",
                        "CreateReplace",
                        "createNamespace",
                        false,
                        "remediation",
                        Map.of("retries", component.ownsData() ? 0 : RETRIES, "ignoreTestFailures", true)));
        spec.put(
                "upgrade",
                Map.of(
                        "crds",
                        keepCrds ? KEEP_CRDS : "CreateReplace",
                        "cleanupOnFail",
                        !component.ownsData(),
                        "remediation",
                        Map.of("retries", RETRIES, "strategy", "rollback", "remediateLastFailure", true)));
        spec.put("uninstall", Map.of("keepHistory", false));
        if (!values.isEmpty()) {
            spec.put("values", values);
        }
        return Upstream.object(
                Flux.HelmRelease.class,
                new ObjectMetaBuilder()
                        .withName(component.name())
                        .withNamespace(BundleLabels.NAMESPACE)
                        .withLabels(Map.of(
                                Labels.MANAGED_BY,
                                BundleLabels.FIELD_MANAGER,
                                BundleLabels.BUNDLE,
                                bundle,
                                BundleLabels.COMPONENT,
                                component.name()))
                        .withAnnotations(retryRequest == null ? Map.of() : retryAnnotations(retryRequest))
                        .build(),
                spec);
    }

    static Map<String, String> retryAnnotations(String token) {
        return Map.of(
                "reconcile.fluxcd.io/requestedAt", token,
                "reconcile.fluxcd.io/resetAt", token,
                "reconcile.fluxcd.io/forceAt", token);
    }
}
