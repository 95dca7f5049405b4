package dev.hearth.tenant.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.hearth.core.testing.YamlFixtures;
import dev.hearth.tenant.Tenants;
import dev.hearth.tenant.lineage.TenantPlacement;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

class NetworkPoliciesForTest {
    private static final TenantPlacement ROOT = TenantPlacement.root("example.org", false, false, false, false);

    static List<NetworkPolicy> expectedForBar() {
        return policies("fixtures/network/tenant-foo-bar-policies.yaml");
    }

    private static List<NetworkPolicy> policies(String fixture) {
        return YamlFixtures.read(fixture, KubernetesList.class).getItems().stream()
                .map(NetworkPolicy.class::cast)
                .toList();
    }

    @Test
    void aNestedTenantGetsExactlyTheseThreePolicies() {
        TenantPlacement bar = TenantPlacement.childOf(
                TenantPlacement.childOf(ROOT, Tenants.fixture("tree/foo.yaml")), Tenants.fixture("tree/bar.yaml"));

        assertThat(NetworkPoliciesFor.desired(bar)).isEqualTo(expectedForBar());
    }

    @Test
    void theRootHasNoAncestorsToAdmitOrReach() {
        assertThat(NetworkPoliciesFor.desired(ROOT)).isEqualTo(policies("fixtures/network/tenant-root-policies.yaml"));
    }
}
