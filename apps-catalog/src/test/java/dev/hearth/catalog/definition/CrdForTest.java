package dev.hearth.catalog.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.hearth.core.api.catalog.ApplicationDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

class CrdForTest {
    private final ApplicationDefinition redis = BuiltInDefinitions.load(new KubernetesSerialization()).stream()
            .filter(d -> d.getMetadata().getName().equals("redis"))
            .findFirst()
            .orElseThrow();

    @Test
    void theDefinitionsSchemaBecomesTheSpecOfANamespacedKind() {
        CustomResourceDefinition crd = CrdFor.desired(redis, "hearth-apps-catalog");

        assertThat(crd.getMetadata().getName()).isEqualTo("redises.apps.hearth.dev");
        assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
        assertThat(crd.getSpec().getNames().getKind()).isEqualTo("Redis");
        assertThat(crd.getSpec().getNames().getCategories()).containsExactly("hearth", "hearth-apps");
        CustomResourceDefinitionVersion version = crd.getSpec().getVersions().get(0);
        assertThat(version.getName()).isEqualTo("v1alpha1");
        assertThat(version.getSubresources().getStatus()).isNotNull();
        assertThat(version.getAdditionalPrinterColumns())
                .extracting(c -> c.getName())
                .containsExactly("Ready", "Version", "Age");
        var spec = version.getSchema().getOpenAPIV3Schema().getProperties().get("spec");
        assertThat(spec.getProperties().get("version").getEnum())
                .extracting(Object::toString)
                .containsExactly("\"v8\"", "\"v7\"");
        assertThat(spec.getProperties().get("replicas").getDefault().asInt()).isEqualTo(2);
        assertThat(spec.getXKubernetesValidations())
                .extracting(v -> v.getMessage())
                .containsExactly("storageClass is immutable");
    }

    @Test
    void refusesASchemaThatIsNotJsonOrNotAnObject() {
        redis.getSpec().application.openAPISchema = "{not json";
        assertThatThrownBy(() -> CrdFor.desired(redis, "hearth-apps-catalog"))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageStartingWith("spec.application.openAPISchema is not valid JSON");

        redis.getSpec().application.openAPISchema = "{\"type\": \"string\"}";
        assertThatThrownBy(() -> CrdFor.desired(redis, "hearth-apps-catalog"))
                .hasMessageContaining("must describe an object");
    }
}
