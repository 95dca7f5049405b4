package dev.hearth.tenant.network;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the tenant network policies (docs/tenant-service.md, "Network policies"). */
@ConfigMapping(prefix = "hearth.tenant.network")
public interface NetworkConfig {

    /**
     * The addresses (CIDRs) of the {@code kubernetes} Service's endpoints, which pods labelled
     * {@code hearth.dev/api-access: "true"} may reach on 443 and 6443: NetworkPolicy sees the endpoint behind the
     * Service's virtual IP. Set them to the control-plane nodes' addresses, e.g. {@code 192.168.10.5/32}.
     */
    @WithDefault(TenantNetwork.DEFAULT_API_SERVER_CIDRS)
    List<String> apiServerCidrs();
}
