package dev.hearth.tenant.network;

import java.util.List;
import java.util.Objects;

import dev.hearth.core.Annotations;
import io.fabric8.kubernetes.api.model.Namespace;

/**
 * What a tenant's network policies depend on besides its place in the tree: whether an administrator allows its pods
 * egress to the internet, and where the API server's endpoints are.
 *
 * @param internetEgress off when the {@value Annotations#INTERNET_EGRESS} annotation of the tenant's Namespace or of
 *     an ancestor's is anything but {@code "true"}
 * @param apiServerCidrs the address ranges of the {@code kubernetes} Service's endpoints
 */
public record TenantNetwork(boolean internetEgress, List<String> apiServerCidrs) {

    /**
     * Private and link-local ranges, never "the internet": they hold pod, service and node addresses, and 169.254/16
     * holds the clouds' metadata endpoints, whose credentials a tenant must not reach.
     */
    public static final List<String> NOT_INTERNET_V4 =
            List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "169.254.0.0/16");
    /** Unique local and link-local IPv6 addresses. */
    public static final List<String> NOT_INTERNET_V6 = List.of("fc00::/7", "fe80::/10");

    /**
     * The default of {@code hearth.tenant.network.api-server-cidrs}: the private IPv4 ranges, where the control-plane
     * nodes of most clusters have their addresses. Setting the real endpoints narrows it.
     */
    public static final String DEFAULT_API_SERVER_CIDRS = "10.0.0.0/8,172.16.0.0/12,192.168.0.0/16";

    public TenantNetwork {
        apiServerCidrs = List.copyOf(apiServerCidrs);
    }

    /**
     * The network of a tenant, given the Namespaces of its path from tenant-root (those that exist yet): internet egress
     * is off when any of them turns it off, so that the users of a tenant cannot get it back through a child Tenant
     * they create.
     */
    public static TenantNetwork of(List<Namespace> path, List<String> apiServerCidrs) {
        boolean internetEgress = path.stream()
                .map(namespace -> namespace.getMetadata().getAnnotations())
                .filter(Objects::nonNull)
                .map(annotations -> annotations.get(Annotations.INTERNET_EGRESS))
                .allMatch(egress -> egress == null || "true".equals(egress));
        return new TenantNetwork(internetEgress, apiServerCidrs);
    }

    /** Egress on, the API server at the default ranges: what an unconfigured service gives a tenant. */
    public static TenantNetwork defaults() {
        return new TenantNetwork(true, List.of(DEFAULT_API_SERVER_CIDRS.split(",")));
    }
}
