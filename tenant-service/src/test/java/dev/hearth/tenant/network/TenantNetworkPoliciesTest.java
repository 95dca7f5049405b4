package dev.hearth.tenant.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.hearth.tenant.Tenants;
import dev.hearth.tenant.lineage.TenantPlacement;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

class TenantNetworkPoliciesTest {
    private static final TenantPlacement ROOT = TenantPlacement.root("example.org", false, false, false, false);

    static List<NetworkPolicy> expectedForBar() throws Exception {
        try (InputStream in =
                TenantNetworkPoliciesTest.class.getResourceAsStream("/fixtures/network/tenant-foo-bar-policies.yaml")) {
            List<HasMetadata> items = new KubernetesSerialization()
                    .unmarshal(in, KubernetesList.class)
                    .getItems();
            return items.stream().map(NetworkPolicy.class::cast).toList();
        }
    }

    @Test
    void aNestedTenantGetsExactlyTheseThreePolicies() throws Exception {
        TenantPlacement bar = TenantPlacement.childOf(
                TenantPlacement.childOf(ROOT, Tenants.fixture("tree/foo.yaml")), Tenants.fixture("tree/bar.yaml"));

        assertThat(TenantNetworkPolicies.desired(bar)).isEqualTo(expectedForBar());
    }

    @Test
    void theRootHasNoAncestorsToAdmitOrReach() {
        List<NetworkPolicy> policies = TenantNetworkPolicies.desired(ROOT);

        assertThat(policies.get(0).getSpec().getIngress().get(0).getFrom()).hasSize(2);
        assertThat(policies.get(1).getSpec().getEgress()).hasSize(2);
    }
}
