package dev.hearth.bundle.platform;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import dev.hearth.bundle.render.BundleLabels;
import dev.hearth.core.Labels;
import dev.hearth.core.api.platform.Platform;
import dev.hearth.core.informer.WithoutManagedFields;
import dev.hearth.core.upstream.Flux;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;

/**
 * What wakes a Platform besides its own changes: the HelmReleases, sources and namespaces the installer wrote for its
 * bundle (selected by the installer's labels), each mapped to the Platforms whose bundle it belongs to. A release
 * helm-controller reports on (Ready, a failure, a stuck state) brings a pass at once, and the reconciler reads all
 * three from these caches instead of listing them each pass.
 */
final class BundleInformers {
    /** What the installer labels everything it writes with; the bundle label says whose it is. */
    static final String SELECTOR = Labels.MANAGED_BY + "=" + BundleLabels.FIELD_MANAGER + "," + BundleLabels.BUNDLE;

    private BundleInformers() {}

    static List<EventSource<?, Platform>> of(EventSourceContext<Platform> context) {
        return List.of(
                // every change: helm-controller reports in the status
                informer(context, Flux.HelmRelease.class, true, null),
                // the reconciler reads neither a source's nor a namespace's status: only what it wrote wakes it
                informer(context, Flux.HelmRepository.class, true, new WrittenPartChanged<>()),
                informer(context, Namespace.class, false, new WrittenPartChanged<>()));
    }

    private static <R extends HasMetadata> InformerEventSource<R, Platform> informer(
            EventSourceContext<Platform> context, Class<R> type, boolean namespaced, OnUpdateFilter<R> onUpdate) {
        var configuration = InformerEventSourceConfiguration.from(type, Platform.class)
                .withName(type.getSimpleName())
                .withLabelSelector(SELECTOR)
                .withItemStore(new WithoutManagedFields<>())
                .withSecondaryToPrimaryMapper(object -> platformsOf(object, context));
        if (namespaced) {
            // the sources and releases live in one namespace: no cluster-wide watch of them
            configuration.withNamespaces(Set.of(BundleLabels.NAMESPACE));
        }
        if (onUpdate != null) {
            configuration.withOnUpdateFilter(onUpdate);
        }
        return new InformerEventSource<>(configuration.build(), context);
    }

    /** The Platforms whose bundle the object belongs to (one per cluster, in practice). */
    private static Set<ResourceID> platformsOf(HasMetadata object, EventSourceContext<Platform> context) {
        String bundle = object.getMetadata().getLabels().get(BundleLabels.BUNDLE);
        return context.getPrimaryCache()
                .list(platform -> platform.getSpec() != null
                        && platform.getSpec().bundle != null
                        && Objects.equals(bundle, platform.getSpec().bundle.name))
                .map(ResourceID::fromResource)
                .collect(Collectors.toSet());
    }

    /** A change of what the installer writes (spec, labels, annotations) or a deletion; not a status update. */
    static final class WrittenPartChanged<R extends HasMetadata> implements OnUpdateFilter<R> {
        @Override
        public boolean accept(R updated, R old) {
            return !Objects.equals(
                            updated.getMetadata().getGeneration(),
                            old.getMetadata().getGeneration())
                    || !Objects.equals(labels(updated), labels(old))
                    || !Objects.equals(annotations(updated), annotations(old))
                    || !Objects.equals(
                            updated.getMetadata().getDeletionTimestamp(),
                            old.getMetadata().getDeletionTimestamp());
        }

        private static Map<String, String> labels(HasMetadata object) {
            return object.getMetadata().getLabels();
        }

        private static Map<String, String> annotations(HasMetadata object) {
            return object.getMetadata().getAnnotations();
        }
    }
}
