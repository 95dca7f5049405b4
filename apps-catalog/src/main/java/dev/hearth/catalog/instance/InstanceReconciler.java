package dev.hearth.catalog.instance;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hearth.catalog.kind.CatalogKind;
import dev.hearth.core.DesiredState;
import dev.hearth.core.api.catalog.ApplicationDefinition;
import dev.hearth.core.kube.ServerSideApply;
import dev.hearth.core.status.ReadyCondition;
import dev.hearth.core.status.StatusWriter;
import dev.hearth.core.tenant.TenantFacts;
import dev.hearth.core.upstream.Flux;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.cache.Cache;

/**
 * What an instance of a catalog kind becomes: its HelmRelease, written when missing or different, its credentials Role
 * and RoleBinding, and the release's state mirrored on the instance's status. {@link InstanceController} decides when
 * each step runs.
 */
final class InstanceReconciler {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How often the status of an instance whose release is on its way is written at most ({@link ProgressPacing}). */
    static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(2);

    private final ServerSideApply apply;
    private final StatusWriter statusWriter;
    private final CatalogKind kind;
    private final Function<String, TenantFacts> tenants;
    private final Function<String, Flux.HelmRelease> helmReleases;
    private final Function<Flux.HelmRelease, List<Flux.HelmRelease>> nestedReleases;
    private final InstanceCredentials credentials;
    private final InstanceStatusFrom statusFrom = new InstanceStatusFrom(ReadyCondition.systemClock());
    private final UnseenStatusWrites unseen = new UnseenStatusWrites();
    private final ProgressPacing pacing = new ProgressPacing(PROGRESS_INTERVAL.toNanos(), System::nanoTime);

    /**
     * @param tenants what an app in a namespace inherits from its tenant
     * @param helmReleases the cached HelmReleases by {@code namespace/name}
     * @param nestedReleases the cached HelmReleases that a catalog HelmRelease installed ({@link NestedReleases})
     * @param credentials writes the Role and RoleBinding that let the tenant read what the app exposes
     */
    InstanceReconciler(
            ServerSideApply apply,
            StatusWriter statusWriter,
            CatalogKind kind,
            Function<String, TenantFacts> tenants,
            Function<String, Flux.HelmRelease> helmReleases,
            Function<Flux.HelmRelease, List<Flux.HelmRelease>> nestedReleases,
            InstanceCredentials credentials) {
        this.apply = apply;
        this.statusWriter = statusWriter;
        this.kind = kind;
        this.tenants = tenants;
        this.helmReleases = helmReleases;
        this.nestedReleases = nestedReleases;
        this.credentials = credentials;
    }

    /** Writes the instance's HelmRelease when it is missing or differs; returns the release it wrote, if it wrote. */
    Optional<Flux.HelmRelease> reconcile(GenericKubernetesResource instance, ApplicationDefinition definition) {
        String namespace = instance.getMetadata().getNamespace();
        Flux.HelmRelease desired =
                HelmReleaseFor.desired(instance, definition, tenants.apply(namespace), apply.fieldManager());
        Flux.HelmRelease current = helmReleases.apply(
                Cache.namespaceKeyFunc(namespace, desired.getMetadata().getName()));
        if (current != null && SpecHash.matches(current, desired) && DesiredState.satisfiedBy(desired, current)) {
            return Optional.empty();
        }
        return Optional.of(apply.createOrApply(desired, current));
    }

    /**
     * Writes the instance's credentials Role and RoleBinding, each when it is missing or differs. Not with the
     * HelmRelease: what they grant exists only once the release is installed, so under a burst they wait with the
     * status writes, and the API server's capacity goes to the releases first.
     */
    void reconcileCredentials(GenericKubernetesResource instance, ApplicationDefinition definition) {
        credentials.reconcile(instance, definition);
    }

    /**
     * Mirrors the state of the instance's HelmRelease (as cached, else {@code justWritten} while the cache has not
     * seen it) and of the HelmReleases it installed on the instance; writes only a changed status.
     */
    void mirrorStatus(
            GenericKubernetesResource instance, ApplicationDefinition definition, Flux.HelmRelease justWritten) {
        Flux.HelmRelease cached = helmReleases.apply(Cache.namespaceKeyFunc(
                instance.getMetadata().getNamespace(),
                HelmReleaseFor.name(definition, instance.getMetadata().getName())));
        Object current = instance.getAdditionalProperties().get("status");
        InstanceStatus status =
                current == null ? new InstanceStatus() : JSON.convertValue(current, InstanceStatus.class);
        Flux.HelmRelease release = cached != null ? cached : justWritten;
        statusFrom.update(instance, status, release, release == null ? List.of() : nestedReleases.apply(release));
        Map<String, Object> next = statusMap(status);
        String key = Cache.metaNamespaceKeyFunc(instance);
        boolean ready = ReadyCondition.isReady(status);
        if (unseen.repeats(key, instance, next) || pacing.defers(key, ready)) {
            return;
        }
        if (statusWriter.writeIfChanged(kind.context(), instance, next)) {
            unseen.wrote(key, instance, next);
            pacing.wrote(key, ready);
        }
    }

    /** Hands {@code retry} the instances whose paced status write may go now. */
    void releasePaced(Consumer<String> retry) {
        pacing.release(retry);
    }

    /** The instance of {@code key} is gone. */
    void forget(String key) {
        unseen.forget(key);
        pacing.forget(key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> statusMap(InstanceStatus status) {
        return JSON.convertValue(status, Map.class);
    }
}
