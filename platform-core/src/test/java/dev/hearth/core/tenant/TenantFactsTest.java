package dev.hearth.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hearth.core.Labels;
import dev.hearth.core.api.tenant.TenantServices;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;

class TenantFactsTest {

    @Test
    void theNamespaceAnnotationsCarryTheFactsBothWays() {
        TenantFacts facts = new TenantFacts(
                "tenant-foo-bar", new TenantServices("tenant-foo", "tenant-root", null, ""), "bar.foo.example.org");

        assertThat(facts.annotations())
                .containsOnly(
                        entry("services.hearth.dev/etcd", "tenant-foo"),
                        entry("services.hearth.dev/ingress", "tenant-root"),
                        entry("hearth.dev/host", "bar.foo.example.org"));
        TenantFacts read = TenantFacts.of(namespace("tenant-foo-bar", true, facts));
        assertThat(read.namespace()).isEqualTo("tenant-foo-bar");
        assertThat(read.etcd()).contains("tenant-foo");
        assertThat(read.ingress()).contains("tenant-root");
        assertThat(read.monitoring()).isEmpty();
        assertThat(read.seaweedfs()).isEmpty();
        assertThat(read.domain()).contains("bar.foo.example.org");
    }

    @Test
    void aNamespaceNoTenantOwnsHasNoFactsWhateverItsAnnotationsSay() {
        TenantFacts forged = new TenantFacts("default", new TenantServices("tenant-baz", null, null, null), null);

        assertThat(TenantFacts.of(namespace("default", false, forged))).isEqualTo(TenantFacts.NONE);
    }

    private static Namespace namespace(String name, boolean tenant, TenantFacts facts) {
        return new NamespaceBuilder()
                .withNewMetadata()
                .withName(name)
                .addToLabels(tenant ? Map.of(Labels.TENANT, name) : Map.of())
                .withAnnotations(facts.annotations())
                .endMetadata()
                .build();
    }
}
