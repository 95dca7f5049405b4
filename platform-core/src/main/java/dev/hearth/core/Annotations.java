package dev.hearth.core;

/** Annotation keys shared by every service. */
public final class Annotations {
    /** Cluster-autoscaler node group bounds on a MachineDeployment. */
    public static final String AUTOSCALER_MIN = "cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size";

    public static final String AUTOSCALER_MAX = "cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size";
    /** A content hash of the spec an object was generated from, to tell whether it must change. */
    public static final String SPEC_HASH = "hearth.dev/spec-hash";

    /**
     * On a tenant Namespace, written by tenant-service alone (tenant users have no right on Namespaces): the namespaces
     * running the shared services the tenant inherits, and its host. Consumers read these, never the Tenant status.
     */
    public static final String TENANT_ETCD = "services.hearth.dev/etcd";

    public static final String TENANT_INGRESS = "services.hearth.dev/ingress";
    public static final String TENANT_MONITORING = "services.hearth.dev/monitoring";
    public static final String TENANT_SEAWEEDFS = "services.hearth.dev/seaweedfs";
    public static final String TENANT_HOST = "hearth.dev/host";

    /**
     * On a tenant Namespace, set by an administrator (tenant-service never writes it, so its apply keeps it):
     * {@code "false"} denies the tenant's pods egress to the internet (any value but {@code "true"} does, so a typo fails
     * closed). Absent or {@code "true"}, egress is allowed.
     */
    public static final String INTERNET_EGRESS = "network.hearth.dev/internet-egress";

    private Annotations() {}
}
