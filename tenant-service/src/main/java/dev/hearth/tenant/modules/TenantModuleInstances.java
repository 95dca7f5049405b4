package dev.hearth.tenant.modules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.hearth.core.api.ApiGroups;
import dev.hearth.core.kube.ServerSideApply;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/** Creates the module instances a tenant asks for and deletes those it no longer wants. */
@ApplicationScoped
public class TenantModuleInstances {

    @Inject
    KubernetesClient client;

    @Inject
    ServerSideApply writes;

    private ServedKinds servedKinds;

    @PostConstruct
    void servedKindsOfTheCatalog() {
        servedKinds = new ServedKinds(client, ApiGroups.APPS + "/" + ApiGroups.VERSION);
    }

    /**
     * Converges the module instances of a tenant namespace to {@code wanted} (at most one instance per module kind).
     *
     * @return the kinds of wanted modules that no one serves yet (apps-catalog has not defined them)
     */
    public List<String> converge(String namespace, List<GenericKubernetesResource> wanted) {
        Map<String, APIResource> served = servedKinds.byKind();
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
