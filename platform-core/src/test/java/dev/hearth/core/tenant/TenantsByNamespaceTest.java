package dev.hearth.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.core.testing.TenantWithStatus;

class TenantsByNamespaceTest {
    private final Tenant foo = TenantWithStatus.named("tenant-root", "foo")
            .host("foo.example.org")
            .services("tenant-root", "tenant-foo", null, "")
            .build();

    @Test
    void aTenantIsIndexedByTheNamespaceItOwnsAndANewOneNotYet() {
        assertThat(TenantsByNamespace.keys(foo)).containsExactly("tenant-foo");
        Tenant pending = new Tenant();
        assertThat(TenantsByNamespace.keys(pending)).isEmpty();
    }

    @Test
    void aConsumerKnowsItsTenantsServicesAndDomain() {
        Map<String, List<Tenant>> index = Map.of("tenant-foo", List.of(foo));
        TenantFacts facts = TenantsByNamespace.facts(ns -> index.getOrDefault(ns, List.of()), "tenant-foo")
                .orElseThrow();

        assertThat(facts.namespace()).isEqualTo("tenant-foo");
        assertThat(facts.etcd()).contains("tenant-root");
        assertThat(facts.ingress()).contains("tenant-foo");
        assertThat(facts.monitoring()).isEmpty();
        assertThat(facts.seaweedfs()).as("a blank service is none").isEmpty();
        assertThat(facts.domain()).contains("foo.example.org");
        assertThat(TenantsByNamespace.facts(ns -> index.getOrDefault(ns, List.of()), "default"))
                .isEmpty();
    }

    @Test
    void aTenantWithoutStatusKnowsNothing() {
        for (TenantFacts facts : List.of(TenantFacts.of(new Tenant()), TenantFacts.NONE)) {
            assertThat(facts.namespace()).isNull();
            assertThat(facts.etcd()).isEmpty();
            assertThat(facts.ingress()).isEmpty();
            assertThat(facts.domain()).isEmpty();
        }
    }
}
