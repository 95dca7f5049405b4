package dev.hearth.catalog.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;

import org.junit.jupiter.api.Test;

import dev.hearth.catalog.definition.BuiltInDefinitions;
import dev.hearth.core.Annotations;
import dev.hearth.core.api.catalog.ApplicationDefinition;
import dev.hearth.core.api.tenant.TenantServices;
import dev.hearth.core.tenant.TenantFacts;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

class HelmReleaseForTest {
    private static final KubernetesSerialization YAML = new KubernetesSerialization();
    private final ApplicationDefinition postgres = definition("postgres");
    private static final String FIELD_MANAGER = "hearth-apps-catalog";
    private final TenantFacts foo = new TenantFacts(
            "tenant-foo", new TenantServices("tenant-root", "tenant-foo", "tenant-root", null), "foo.example.org");

    @Test
    void aPostgresInstanceBecomesTheExpectedHelmRelease() {
        GenericKubernetesResource helmRelease =
                HelmReleaseFor.desired(fixture("postgres-instance.yaml"), postgres, foo, FIELD_MANAGER);

        GenericKubernetesResource expected = fixture("postgres-helmrelease.yaml");
        helmRelease.getMetadata().getAnnotations().remove(Annotations.SPEC_HASH);
        helmRelease.getMetadata().setAnnotations(null);
        assertThat(asMap(helmRelease)).isEqualTo(asMap(expected));
    }

    @Test
    void theSpecHashChangesWithTheChartVersionAndNotOtherwise() {
        GenericKubernetesResource instance = fixture("postgres-instance.yaml");
        String before = HelmReleaseFor.desired(instance, postgres, foo, FIELD_MANAGER)
                .getMetadata()
                .getAnnotations()
                .get(Annotations.SPEC_HASH);
        assertThat(HelmReleaseFor.desired(instance, postgres, foo, FIELD_MANAGER)
                        .getMetadata()
                        .getAnnotations()
                        .get(Annotations.SPEC_HASH))
                .isEqualTo(before);

        postgres.getSpec().release.chart.version = "0.2.0";
        assertThat(HelmReleaseFor.desired(instance, postgres, foo, FIELD_MANAGER)
                        .getMetadata()
                        .getAnnotations()
                        .get(Annotations.SPEC_HASH))
                .isNotEqualTo(before);
    }

    @Test
    void withoutATenantTheValuesCarryAnEmptyNamespaceSection() {
        GenericKubernetesResource helmRelease =
                HelmReleaseFor.desired(fixture("postgres-instance.yaml"), postgres, TenantFacts.NONE, FIELD_MANAGER);
        @SuppressWarnings("unchecked")
        var values = (java.util.Map<String, Object>) ((java.util.Map<String, Object>)
                        helmRelease.getAdditionalProperties().get("spec"))
                .get("values");
        assertThat(values).containsEntry("_namespace", java.util.Map.of()).containsEntry("replicas", 3);
    }

    static ApplicationDefinition definition(String name) {
        return BuiltInDefinitions.load(YAML).stream()
                .filter(d -> d.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static java.util.Map<?, ?> asMap(GenericKubernetesResource resource) {
        return YAML.unmarshal(YAML.asJson(resource), java.util.Map.class);
    }

    static GenericKubernetesResource fixture(String name) {
        try (InputStream in = HelmReleaseForTest.class.getResourceAsStream("/fixtures/" + name)) {
            return YAML.unmarshal(in, GenericKubernetesResource.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
