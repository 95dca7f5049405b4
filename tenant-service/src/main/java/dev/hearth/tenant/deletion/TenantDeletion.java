package dev.hearth.tenant.deletion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.hearth.core.Labels;
import dev.hearth.core.api.ApiGroups;
import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.tenant.modules.ModuleInstanceFor;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * Deletes a tenant in order: its app instances, then its child tenants (depth first), then its own modules (a child's
 * cluster may still use the etcd its parent runs), then its namespace. Each step reports what still blocks it, so
 * deletion never hangs silently; the caller retries until nothing does.
 */
@ApplicationScoped
public class TenantDeletion {

    @Inject
    KubernetesClient client;

    /**
     * Advances the deletion of the tenant owning {@code namespace}.
     *
     * @return what blocks it: empty once the namespace is gone
     */
    public List<String> advance(String namespace, List<Tenant> children) {
        Namespace current = client.namespaces().withName(namespace).get();
        if (current == null) {
            return List.of();
        }
        if (!namespace.equals(current.getMetadata().getLabels().get(Labels.TENANT))) {
            // not ours (never labelled by this service): leave it alone
            return List.of();
        }
        List<String> apps = deleteApps(namespace, false);
        if (!apps.isEmpty()) {
            return apps;
        }
        if (!children.isEmpty()) {
            return deleteChildren(children);
        }
        List<String> modules = deleteApps(namespace, true);
        if (!modules.isEmpty()) {
            return modules;
        }
        if (current.getMetadata().getDeletionTimestamp() == null) {
            client.namespaces().withName(namespace).delete();
            return List.of("Namespace " + namespace + " is being deleted");
        }
        List<String> blockedBy = new ArrayList<>();
        blockedBy.add("Namespace " + namespace + " is terminating");
        // the namespace controller names what is left (kinds and finalizers): tenant-service reads no other kinds
        if (current.getStatus() != null && current.getStatus().getConditions() != null) {
            for (NamespaceCondition condition : current.getStatus().getConditions()) {
                if ("True".equals(condition.getStatus()) && condition.getType().endsWith("Remaining")) {
                    blockedBy.add(condition.getType() + ": " + condition.getMessage());
                }
            }
        }
        return blockedBy;
    }

    /**
     * Deletes the app instances (every apps.hearth.dev kind but Tenant) that are, or are not, the tenant's modules, so
     * that their own cleanup runs while what they depend on still works.
     */
    private List<String> deleteApps(String namespace, boolean modules) {
        List<String> blockedBy = new ArrayList<>();
        for (APIResource resource : appResources()) {
            var instances = client.genericKubernetesResources(new ResourceDefinitionContext.Builder()
                            .withGroup(ApiGroups.APPS)
                            .withVersion(ApiGroups.VERSION)
                            .withKind(resource.getKind())
                            .withPlural(resource.getName())
                            .withNamespaced(true)
                            .build())
                    .inNamespace(namespace);
            for (GenericKubernetesResource app : instances.list().getItems()) {
                if (isModule(app) != modules) {
                    continue;
                }
                if (app.getMetadata().getDeletionTimestamp() == null) {
                    instances.withName(app.getMetadata().getName()).delete();
                }
                blockedBy.add(
                        resource.getKind() + " " + app.getMetadata().getName() + finalizers(app) + " is being deleted");
            }
        }
        return blockedBy;
    }

    private static boolean isModule(HasMetadata app) {
        Map<String, String> labels = app.getMetadata().getLabels();
        return labels != null && "true".equals(labels.get(ModuleInstanceFor.MODULE_LABEL));
    }

    private List<APIResource> appResources() {
        try {
            var list = client.getApiResources(ApiGroups.APPS + "/" + ApiGroups.VERSION);
            return list == null
                    ? List.of()
                    : list.getResources().stream()
                            .filter(r -> Boolean.TRUE.equals(r.getNamespaced())
                                    && !r.getName().contains("/")
                                    && !"Tenant".equals(r.getKind()))
                            .toList();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return List.of();
            }
            throw e;
        }
    }

    private static String finalizers(HasMetadata object) {
        List<String> finalizers = object.getMetadata().getFinalizers();
        return finalizers == null || finalizers.isEmpty() ? "" : " (finalizers: " + String.join(", ", finalizers) + ")";
    }

    private List<String> deleteChildren(List<Tenant> children) {
        List<String> blockedBy = new ArrayList<>();
        for (Tenant child : children) {
            if (child.getMetadata().getDeletionTimestamp() == null) {
                client.resource(child).delete();
            }
            String id = "Tenant " + child.getMetadata().getNamespace() + "/"
                    + child.getMetadata().getName();
            blockedBy.add(id + " is being deleted");
            if (child.getStatus() != null) {
                child.getStatus().blockedBy.forEach(reason -> blockedBy.add(id + ": " + reason));
            }
        }
        return blockedBy;
    }
}
