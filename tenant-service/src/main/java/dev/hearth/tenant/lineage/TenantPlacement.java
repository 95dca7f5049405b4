package dev.hearth.tenant.lineage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.hearth.core.Labels;
import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.core.api.tenant.TenantServices;
import dev.hearth.core.naming.TenantNamespaceName;

/**
 * Where a tenant sits in the tree and what it inherits: its namespace, the path from tenant-root, its host and the
 * namespaces that run its shared services. Pure: computed from the Tenant and its parent's placement.
 *
 * @param parentNamespace the parent tenant's namespace; {@code null} for tenant-root
 */
public record TenantPlacement(
        String namespace, String parentNamespace, List<String> path, String host, TenantServices services) {

    public static final String SERVICE_NAME = "tenant-service";

    /** tenant-root, whose settings come from the configuration because no Tenant object describes it. */
    public static TenantPlacement root(
            String host, boolean etcd, boolean ingress, boolean monitoring, boolean seaweedfs) {
        String root = TenantNamespaceName.ROOT;
        TenantServices services = new TenantServices(
                etcd ? root : null, ingress ? root : null, monitoring ? root : null, seaweedfs ? root : null);
        return new TenantPlacement(root, null, List.of(root), host, services);
    }

    /**
     * The placement of {@code tenant}, a child of {@code parent}.
     *
     * @throws dev.hearth.core.naming.InvalidTenantNameException when the name breaks the naming rule
     */
    public static TenantPlacement childOf(TenantPlacement parent, Tenant tenant) {
        String name = tenant.getMetadata().getName();
        String namespace = TenantNamespaceName.of(parent.namespace(), name);
        var spec = tenant.getSpec();
        String host = spec.host != null && !spec.host.isBlank() ? spec.host : name + "." + parent.host();
        TenantServices inherited = parent.services() == null ? new TenantServices() : parent.services();
        TenantServices services = new TenantServices(
                Boolean.TRUE.equals(spec.etcd) ? namespace : inherited.etcd,
                Boolean.TRUE.equals(spec.ingress) ? namespace : inherited.ingress,
                Boolean.TRUE.equals(spec.monitoring) ? namespace : inherited.monitoring,
                Boolean.TRUE.equals(spec.seaweedfs) ? namespace : inherited.seaweedfs);
        return new TenantPlacement(namespace, parent.namespace(), TenantNamespaceName.path(namespace), host, services);
    }

    public boolean isRoot() {
        return parentNamespace == null;
    }

    /** The ancestors' namespaces, from tenant-root down, without this tenant's own. */
    public List<String> ancestors() {
        return path.subList(0, path.size() - 1);
    }

    /** Labels of the tenant namespace; the ancestor labels select "every descendant of X" (inclusive). */
    public Map<String, String> namespaceLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(Labels.MANAGED_BY, Labels.managedBy(SERVICE_NAME));
        labels.put(Labels.TENANT, namespace);
        if (parentNamespace != null) {
            labels.put(Labels.PARENT, parentNamespace);
        }
        for (String ancestor : path) {
            labels.put(Labels.tenantAncestor(ancestor), "");
        }
        return labels;
    }

    /** Labels of every object the service creates inside the tenant namespace. */
    public Map<String, String> objectLabels() {
        return Map.of(Labels.MANAGED_BY, Labels.managedBy(SERVICE_NAME), Labels.TENANT, namespace);
    }
}
