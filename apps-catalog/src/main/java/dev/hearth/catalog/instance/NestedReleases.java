package dev.hearth.catalog.instance;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.hearth.core.Labels;
import dev.hearth.core.upstream.Flux;
import dev.hearth.core.upstream.GenericFields;
import io.fabric8.kubernetes.client.informers.cache.Cache;

/**
 * HelmReleases that a catalog chart renders: Hearth's chart wraps an upstream chart (ingress-nginx, NATS, ...) in a
 * HelmRelease of its own, which helm-controller installs as part of the instance's release. They are found by what
 * Helm stamps on every object it installs: the label {@code app.kubernetes.io/managed-by: Helm} (which the informer
 * selects) and the annotations naming the release and its namespace.
 *
 * <p>Trust: whoever may write HelmReleases in a tenant namespace can stamp the same annotations on one of their own.
 * Such a release can only make an app of that namespace report not Ready, which that writer could do anyway (e.g. by
 * editing the real nested release); apps-catalog only reads nested releases into the instance's status and never
 * acts on them. A release whose annotations name another namespace is ignored: helm-controller installs a catalog
 * release in the instance's namespace only.
 */
final class NestedReleases {
    static final String RELEASE_NAME = "meta.helm.sh/release-name";
    static final String RELEASE_NAMESPACE = "meta.helm.sh/release-namespace";
    /** Helm's value of {@link Labels#MANAGED_BY} on the objects it installs. */
    static final String MANAGED_BY_HELM = "Helm";
    /** The informer index: {@code namespace/release} of the Helm release that installed a HelmRelease. */
    static final String BY_HELM_RELEASE = "helm-release";

    private NestedReleases() {}

    /** The index key of a nested HelmRelease: the Helm release that installed it, if in its own namespace. */
    static List<String> indexKeys(Flux.HelmRelease release) {
        return installedBy(release).map(List::of).orElse(List.of());
    }

    /** {@code namespace/release} of the Helm release that installed {@code release}, when it is in its namespace. */
    static Optional<String> installedBy(Flux.HelmRelease release) {
        Map<String, String> annotations = release.getMetadata().getAnnotations();
        if (annotations == null) {
            return Optional.empty();
        }
        String name = annotations.get(RELEASE_NAME);
        String namespace = release.getMetadata().getNamespace();
        if (name == null || !namespace.equals(annotations.get(RELEASE_NAMESPACE))) {
            return Optional.empty();
        }
        return Optional.of(Cache.namespaceKeyFunc(namespace, name));
    }

    /** The index key under which the HelmReleases installed by the catalog release {@code outer} are found. */
    static String keyOf(Flux.HelmRelease outer) {
        String releaseName = GenericFields.string(outer, "spec", "releaseName")
                .orElse(outer.getMetadata().getName());
        return Cache.namespaceKeyFunc(outer.getMetadata().getNamespace(), releaseName);
    }
}
