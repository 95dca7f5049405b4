package dev.hearth.core;

/** Annotation keys shared by every service. */
public final class Annotations {
    /** Cluster-autoscaler node group bounds on a MachineDeployment. */
    public static final String AUTOSCALER_MIN = "cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size";

    public static final String AUTOSCALER_MAX = "cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size";
    /** A content hash of the spec an object was generated from, to tell whether it must change. */
    public static final String SPEC_HASH = "hearth.dev/spec-hash";

    private Annotations() {}
}
