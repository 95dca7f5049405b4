package dev.hearth.kubernetes.release;

/** The network inside every tenant cluster: the same ranges in each, since each cluster is its own network. */
public final class ClusterNetwork {
    public static final String POD_CIDR = "10.243.0.0/16";
    public static final String SERVICE_CIDR = "10.95.0.0/16";
    public static final String SERVICE_DOMAIN = "cluster.local";
    /** The tenth address of the service CIDR, where kubelet sends pods for DNS and CoreDNS listens. */
    public static final String DNS_SERVICE_IP = "10.95.0.10";

    private ClusterNetwork() {}
}
