package dev.hearth.core;

/** Label keys shared by every service (docs/design.md, "Shared conventions"). */
public final class Labels {
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String PART_OF = "app.kubernetes.io/part-of";

    /** On every tenant object: the tenant namespace it belongs to. */
    public static final String TENANT = "hearth.dev/tenant";
    /** On a tenant namespace: the parent tenant's namespace. */
    public static final String PARENT = "hearth.dev/parent";
    /** {@code tenant.hearth.dev/<ancestor-ns>: ""} on a tenant namespace, for each ancestor and itself. */
    public static final String TENANT_ANCESTOR_PREFIX = "tenant.hearth.dev/";
    /** Namespaces of platform components, which may reach every tenant. */
    public static final String SYSTEM = "hearth.dev/system";
    /** Objects whose deletion an admission policy refuses ({@code tenant-root}). */
    public static final String NO_DELETE = "hearth.dev/no-delete";

    /**
     * On the pods of a tenant's shared service ({@code etcd}, {@code ingress}, {@code monitoring}, {@code seaweedfs}),
     * set by its module chart: the tenant's descendants may reach these pods.
     */
    public static final String SERVICE = "hearth.dev/service";
    /** {@code "true"} on pods reachable from outside the cluster (behind a LoadBalancer or NodePort Service). */
    public static final String EXPOSED = "hearth.dev/exposed";
    /** {@code "true"} on pods that may reach the cluster's API server. */
    public static final String API_ACCESS = "hearth.dev/api-access";

    /** On everything derived from an app instance. */
    public static final String APPLICATION_KIND = "apps.hearth.dev/application.kind";

    public static final String APPLICATION_NAME = "apps.hearth.dev/application.name";

    private Labels() {}

    /** The value of {@link #MANAGED_BY} for a service, e.g. {@code hearth-tenant-service}. */
    public static String managedBy(String service) {
        return "hearth-" + service;
    }

    /** The ancestor label key that selects every descendant (inclusive) of a tenant namespace. */
    public static String tenantAncestor(String tenantNamespace) {
        return TENANT_ANCESTOR_PREFIX + tenantNamespace;
    }
}
