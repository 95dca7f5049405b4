package dev.hearth.tenant.modules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.hearth.core.api.ApiGroups;
import dev.hearth.core.kube.ServerSideApply;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/** Creates the module instances a tenant asks for and deletes those it no longer wants. */
@ApplicationScoped
public class TenantModuleInstances {

    /** How long a discovery of the served kinds is reused: a tenant waiting for a kind looks again every few seconds anyway. */
    private static final long SERVED_KINDS_TTL_NANOS = TimeUnit.SECONDS.toNanos(3);

    @Inject
    KubernetesClient client;

    @Inject
    ServerSideApply writes;

    private volatile ServedKinds lastDiscovery;

    private record ServedKinds(Map<String, APIResource> byKind, long discoveredAt) {}

    /**
     * Converges the module instances of a tenant namespace to {@code wanted} (at most one instance per module kind).
     *
     * @return the kinds of wanted modules that no one serves yet (apps-catalog has not defined them)
     */
    public List<String> converge(String namespace, List<GenericKubernetesResource> wanted) {
        Map<String, APIResource> served = servedKinds();
        List<String> missing = new ArrayList<>();
        for (TenantModule module : TenantModule.values()) {
            APIResource resource = served.get(module.kind());
            Optional<GenericKubernetesResource> instance = wanted.stream()
                    .filter(desired -> module.kind().equals(desired.getKind()))
                    .findFirst();
            if (instance.isPresent()) {
                if (resource == null) {
                    missing.add(module.kind());
                } else {
                    writes.apply(kind(resource), instance.get());
                }
            } else if (resource != null) {
                var existing = client.genericKubernetesResources(kind(resource))
                        .inNamespace(namespace)
                        .withName(module.instanceName());
                GenericKubernetesResource current = existing.get();
                if (current != null
                        && "true".equals(current.getMetadata().getLabels().get(ModuleInstanceFor.MODULE_LABEL))) {
                    existing.delete();
                }
            }
        }
        return missing;
    }

    private Map<String, APIResource> servedKinds() {
        ServedKinds last = lastDiscovery;
        if (last == null || System.nanoTime() - last.discoveredAt() > SERVED_KINDS_TTL_NANOS) {
            last = new ServedKinds(discoverServedKinds(), System.nanoTime());
            lastDiscovery = last;
        }
        return last.byKind();
    }

    private Map<String, APIResource> discoverServedKinds() {
        Map<String, APIResource> served = new HashMap<>();
        APIResourceList list;
        try {
            list = client.getApiResources(ApiGroups.APPS + "/" + ApiGroups.VERSION);
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return served;
            }
            throw e;
        }
        if (list != null) {
            list.getResources().stream()
                    .filter(r -> !r.getName().contains("/"))
                    .forEach(r -> served.put(r.getKind(), r));
        }
        return served;
    }

    private static ResourceDefinitionContext kind(APIResource resource) {
        return new ResourceDefinitionContext.Builder()
                .withGroup(ApiGroups.APPS)
                .withVersion(ApiGroups.VERSION)
                .withKind(resource.getKind())
                .withPlural(resource.getName())
                .withNamespaced(true)
                .build();
    }
}
