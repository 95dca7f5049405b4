package dev.hearth.bundle.platform;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import dev.hearth.bundle.model.Bundle;
import dev.hearth.bundle.model.Component;
import dev.hearth.bundle.render.BundleLabels;
import dev.hearth.bundle.render.SourceFor;
import dev.hearth.core.api.platform.Platform;
import dev.hearth.core.kube.ServerSideApply;
import dev.hearth.core.upstream.Flux;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;

/**
 * A bundle's releases, sources and namespaces as the reconciler's informers ({@link BundleInformers}) see them, and
 * the writes of one pass. What a pass writes goes into the informer's recent-write cache, so the next pass finds it
 * even before the watch brought it back, and does not apply the same object again.
 */
final class InformedBundleObjects {
    private final Context<Platform> context;
    private final ServerSideApply writes;

    InformedBundleObjects(Context<Platform> context, ServerSideApply writes) {
        this.context = context;
        this.writes = writes;
    }

    /** The bundle's releases by component. */
    Map<String, Flux.HelmRelease> releases(Bundle bundle) {
        Map<String, Flux.HelmRelease> releases = new HashMap<>();
        current(
                        Flux.HelmRelease.class,
                        bundle.name(),
                        bundle.components().stream().map(c -> new ResourceID(c.name(), BundleLabels.NAMESPACE)))
                .forEach(r -> releases.put(r.getMetadata().getLabels().get(BundleLabels.COMPONENT), r));
        return releases;
    }

    /** The bundle's chart sources by name. */
    Map<String, Flux.HelmRepository> sources(Bundle bundle) {
        return byName(current(
                Flux.HelmRepository.class,
                bundle.name(),
                bundle.components().stream()
                        .map(c -> new ResourceID(SourceFor.name(c.chart().repository()), BundleLabels.NAMESPACE))));
    }

    /** The bundle's namespaces by name. */
    Map<String, Namespace> namespaces(Bundle bundle) {
        return byName(current(
                Namespace.class,
                bundle.name(),
                bundle.components().stream().map(Component::namespace).map(ResourceID::new)));
    }

    /** Applies {@code desired} unless {@code current} already is it (platform-core's applyIfChanged). */
    <T extends HasMetadata> T apply(T desired, T current) {
        T written = writes.applyIfChanged(desired, current);
        if (written != current) {
            InformerEventSource<T, Platform> source = source(typeOf(desired));
            ResourceID id = ResourceID.fromResource(written);
            if (current == null) {
                source.handleRecentResourceCreate(id, written);
            } else {
                source.handleRecentResourceUpdate(id, written, current);
            }
        }
        return written;
    }

    void delete(HasMetadata unwanted) {
        writes.delete(unwanted);
    }

    /**
     * What the informer holds of the bundle: the objects it lists with the bundle's label, and those the bundle names
     * ({@code named}) that a write of a moment ago put in the recent-write cache, which lists do not show.
     */
    private <T extends HasMetadata> Stream<T> current(Class<T> type, String bundle, Stream<ResourceID> named) {
        InformerEventSource<T, Platform> source = source(type);
        Set<ResourceID> ids = new LinkedHashSet<>();
        source.list(o -> bundle.equals(bundleOf(o)))
                .map(ResourceID::fromResource)
                .forEach(ids::add);
        named.forEach(ids::add);
        // get prefers the recent-write cache where it holds a newer version than the watch brought
        return ids.stream().map(source::get).flatMap(Optional::stream).filter(o -> bundle.equals(bundleOf(o)));
    }

    private static String bundleOf(HasMetadata object) {
        Map<String, String> labels = object.getMetadata().getLabels();
        return labels == null ? null : labels.get(BundleLabels.BUNDLE);
    }

    private static <T extends HasMetadata> Map<String, T> byName(Stream<T> objects) {
        Map<String, T> byName = new HashMap<>();
        objects.forEach(o -> byName.put(o.getMetadata().getName(), o));
        return byName;
    }

    @SuppressWarnings("unchecked")
    private static <T extends HasMetadata> Class<T> typeOf(T object) {
        return (Class<T>) object.getClass();
    }

    @SuppressWarnings("unchecked")
    private <T extends HasMetadata> InformerEventSource<T, Platform> source(Class<T> type) {
        return (InformerEventSource<T, Platform>)
                context.eventSourceRetriever().getEventSourceFor(type, type.getSimpleName());
    }
}
