package dev.hearth.bundle.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.hearth.bundle.Fixtures;
import dev.hearth.bundle.model.Bundle;
import dev.hearth.bundle.model.BundleDocuments;
import dev.hearth.core.testing.TestKubernetes;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.FieldValidateable.Validation;

/**
 * Every shipped bundle × variant, with every optional component on, becomes objects the real API server accepts with
 * Flux's own CRDs: strict field validation, server-side dry run (nothing is installed).
 */
class ShippedBundlesApiServerIT {
    private static KubernetesClient client;

    @BeforeAll
    static void apiServer() {
        client = TestKubernetes.shared().withAllUpstreamCrds().client();
        Fixtures.ensureInstallerNamespace(client);
    }

    static Stream<Arguments> variants() {
        return BundleDocuments.SHIPPED.stream().flatMap(name -> {
            Bundle bundle = BundleDocuments.shipped(name);
            return bundle.variants().stream().map(variant -> Arguments.of(name, variant));
        });
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("variants")
    void theApiServerAcceptsEveryObjectOfTheVariant(String name, String variant) {
        Bundle bundle = BundleDocuments.shipped(name);
        Map<String, Boolean> everyOptional = bundle.components().stream()
                .filter(c -> c.optional())
                .collect(java.util.stream.Collectors.toMap(c -> c.name(), c -> true));

        List<HasMetadata> objects = BundleObjectsFor.desired(bundle, variant, everyOptional, Map.of());

        assertThat(objects).isNotEmpty();
        for (HasMetadata object : objects) {
            HasMetadata accepted = client.resource(object)
                    .dryRun()
                    .fieldValidation(Validation.STRICT)
                    .createOr(existing -> existing.patch());
            assertThat(accepted.getMetadata().getName())
                    .isEqualTo(object.getMetadata().getName());
        }
    }

    /** A component's own service account becomes the release's serviceAccountName, which Flux's CRD accepts. */
    @Test
    void aReleaseNamingItsServiceAccountIsAccepted() {
        Bundle small = Fixtures.bundle("small.yaml");
        var app = small.component("app").orElseThrow();

        GenericKubernetesResource accepted = client.resource(
                        ComponentReleaseFor.desired(small.name(), app, app.values()))
                .dryRun()
                .fieldValidation(Validation.STRICT)
                .createOr(existing -> existing.patch());

        assertThat(dev.hearth.core.upstream.GenericFields.string(accepted, "spec", "serviceAccountName"))
                .contains("app-installer");
    }

    /** The check above can fail: a field Flux does not know is refused. */
    @Test
    void aFieldFluxDoesNotKnowIsRefused() {
        Bundle bundle = BundleDocuments.shipped("hearth");
        GenericKubernetesResource release = ComponentReleaseFor.desired(
                bundle.name(),
                bundle.component("cert-manager").orElseThrow(),
                bundle.component("cert-manager").orElseThrow().values());
        @SuppressWarnings("unchecked")
        Map<String, Object> spec =
                (Map<String, Object>) release.getAdditionalProperties().get("spec");
        spec.put("retryInterval", "1m");

        assertThatThrownBy(() -> client.resource(release)
                        .dryRun()
                        .fieldValidation(Validation.STRICT)
                        .create())
                .hasMessageContaining("retryInterval");
    }
}
