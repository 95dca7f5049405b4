package dev.hearth.bundle.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.hearth.bundle.Fixtures;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** What the small fixture's generic variant becomes, against {@code golden/small-generic.yaml}. */
class BundleObjectsForTest {
    private static final KubernetesSerialization YAML = new KubernetesSerialization();
    private static final ObjectMapper JSON = new ObjectMapper();
    // keys sorted: the objects' maps have no order of their own
    private static final ObjectWriter SORTED =
            new ObjectMapper(new YAMLFactory()).writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @Test
    void theGenericVariantOfTheSmallBundleBecomesTheGoldenObjects() throws Exception {
        List<HasMetadata> objects =
                BundleObjectsFor.desired(Fixtures.bundle("small.yaml"), "generic", Map.of(), Map.of());
        StringBuilder rendered = new StringBuilder();
        for (HasMetadata object : objects) {
            rendered.append(SORTED.writeValueAsString(JSON.readValue(YAML.asJson(object), Map.class)));
        }

        Path golden = Path.of("src/test/resources/golden/small-generic.yaml");
        if (Boolean.getBoolean("hearth.golden.write")) {
            Files.writeString(golden, rendered);
        }
        assertThat(rendered.toString()).isEqualTo(Files.readString(golden));
    }

    @Test
    void oneSourcePerRepositoryAndOneNamespacePerComponentNamespace() {
        List<HasMetadata> objects =
                BundleObjectsFor.desired(Fixtures.bundle("small.yaml"), "generic", Map.of("extra", true), Map.of());

        assertThat(objects.stream().filter(o -> o.getKind().equals("HelmRepository")))
                .hasSize(2);
        assertThat(objects.stream().filter(o -> o.getKind().equals("HelmRelease")))
                .hasSize(6);
        assertThat(objects.stream().filter(o -> o.getKind().equals("Namespace")))
                .hasSize(6);
    }

    @Test
    void aRetryRequestBecomesFluxsRequestResetAndForceAnnotations() {
        var bundle = Fixtures.bundle("small.yaml");
        var base = bundle.component("base").orElseThrow();

        assertThat(ComponentReleaseFor.desired("small", base, base.values())
                        .getMetadata()
                        .getAnnotations())
                .isNullOrEmpty();
        assertThat(ComponentReleaseFor.desired("small", base, base.values(), "try-2")
                        .getMetadata()
                        .getAnnotations())
                .containsOnly(
                        Map.entry("reconcile.fluxcd.io/requestedAt", "try-2"),
                        Map.entry("reconcile.fluxcd.io/resetAt", "try-2"),
                        Map.entry("reconcile.fluxcd.io/forceAt", "try-2"));
    }

    @Test
    void aSourceNameIsReadableAndDistinctPerRepository() {
        assertThat(SourceFor.name("https://charts.jetstack.io")).matches("charts-jetstack-io-[0-9a-f]{6}");
        assertThat(SourceFor.name("oci://ghcr.io/hearth-dev/charts"))
                .isNotEqualTo(SourceFor.name("oci://ghcr.io/hearth-dev/charts2"));
    }
}
