package dev.hearth.tenant.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hearth.core.Annotations;
import dev.hearth.core.testing.YamlFixtures;
import dev.hearth.tenant.Tenants;
import dev.hearth.tenant.lineage.TenantPlacement;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

class NetworkPoliciesForTest {
    private static final TenantPlacement ROOT = TenantPlacement.root("example.org", false, false, false, false);
    private static final TenantPlacement BAR = TenantPlacement.childOf(
            TenantPlacement.childOf(ROOT, Tenants.fixture("tree/foo.yaml")), Tenants.fixture("tree/bar.yaml"));

    static List<NetworkPolicy> expectedForBar() {
        return policies("fixtures/network/tenant-foo-bar-policies.yaml");
    }

    private static List<NetworkPolicy> policies(String fixture) {
        return YamlFixtures.read(fixture, KubernetesList.class).getItems().stream()
                .map(NetworkPolicy.class::cast)
                .toList();
    }

    @Test
    void aNestedTenantGetsExactlyThesePolicies() {
        assertThat(NetworkPoliciesFor.desired(BAR, TenantNetwork.defaults())).isEqualTo(expectedForBar());
    }

    @Test
    void theRootHasNoAncestorsToAdmitOrReach() {
        assertThat(NetworkPoliciesFor.desired(ROOT, TenantNetwork.defaults()))
                .isEqualTo(policies("fixtures/network/tenant-root-policies.yaml"));
    }

    @Test
    void withoutInternetEgressOnlyTheInternetRuleGoes() {
        List<NetworkPolicy> open = NetworkPoliciesFor.desired(BAR, TenantNetwork.defaults());
        List<NetworkPolicy> closed = NetworkPoliciesFor.desired(
                BAR, new TenantNetwork(false, TenantNetwork.defaults().apiServerCidrs()));

        var openEgress = egress(open).getSpec().getEgress();
        assertThat(egress(closed).getSpec().getEgress()).isEqualTo(openEgress.subList(0, openEgress.size() - 1));
        assertThat(openEgress.get(openEgress.size() - 1).getTo())
                .allSatisfy(peer -> assertThat(peer.getIpBlock()).isNotNull());
        assertThat(closed.stream().filter(p -> p != egress(closed)).toList())
                .isEqualTo(open.stream().filter(p -> p != egress(open)).toList());
    }

    @Test
    void theConfiguredApiServerAddressesAreTheOnlyOnesLabelledPodsReachThrough() {
        NetworkPolicy apiServer =
                NetworkPoliciesFor.desired(BAR, new TenantNetwork(true, List.of("192.168.10.5/32"))).stream()
                        .filter(p -> p.getMetadata().getName().equals(NetworkPoliciesFor.API_SERVER_EGRESS))
                        .findFirst()
                        .orElseThrow();

        assertThat(apiServer.getSpec().getEgress()).singleElement().satisfies(rule -> {
            assertThat(rule.getTo())
                    .singleElement()
                    .satisfies(peer -> assertThat(peer.getIpBlock().getCidr()).isEqualTo("192.168.10.5/32"));
            assertThat(rule.getPorts()).extracting(p -> p.getPort().getIntVal()).containsExactly(443, 6443);
        });
    }

    @Test
    void internetEgressIsOnUnlessTheTenantOrAnAncestorTurnsItOff() {
        List<String> api = List.of("192.168.10.5/32");
        Namespace plain = namespace(Map.of());

        assertThat(TenantNetwork.of(List.of(), api).internetEgress()).isTrue();
        assertThat(TenantNetwork.of(List.of(plain, plain), api).internetEgress())
                .isTrue();
        assertThat(TenantNetwork.of(List.of(namespace(Map.of(Annotations.INTERNET_EGRESS, "true"))), api)
                        .internetEgress())
                .isTrue();
        assertThat(TenantNetwork.of(List.of(plain, namespace(Map.of(Annotations.INTERNET_EGRESS, "false"))), api)
                        .internetEgress())
                .isFalse();
        // a parent turned off: its users' child tenants stay off
        assertThat(TenantNetwork.of(List.of(namespace(Map.of(Annotations.INTERNET_EGRESS, "false")), plain), api)
                        .internetEgress())
                .isFalse();
        // a value that is no "true" fails closed
        assertThat(TenantNetwork.of(List.of(namespace(Map.of(Annotations.INTERNET_EGRESS, "no"))), api)
                        .internetEgress())
                .isFalse();
    }

    private static NetworkPolicy egress(List<NetworkPolicy> policies) {
        return policies.stream()
                .filter(p -> p.getMetadata().getName().equals(NetworkPoliciesFor.EGRESS))
                .findFirst()
                .orElseThrow();
    }

    private static Namespace namespace(Map<String, String> annotations) {
        return new NamespaceBuilder()
                .withNewMetadata()
                .withName("tenant-x")
                .withAnnotations(annotations)
                .endMetadata()
                .build();
    }
}
