package dev.hearth.bundle.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.hearth.bundle.Fixtures;
import dev.hearth.bundle.model.Bundle;
import dev.hearth.bundle.model.BundleDocuments;
import dev.hearth.core.testing.TestPaths;

/** Each fixture under bundles/invalid says on its first line ({@code # expect: ...}) the problem it must give. */
class BundleValidationTest {
    private static final Environment CLUSTER = new Environment("1.35", "0.1.0");

    static Stream<Path> invalidBundles() throws IOException {
        return Files.list(Fixtures.path("invalid")).sorted();
    }

    @ParameterizedTest
    @MethodSource("invalidBundles")
    void anInvalidBundleIsRefusedSayingWhatToChange(Path file) throws IOException {
        String expected = Files.readAllLines(file).get(0).replaceFirst("^# expect: ", "");

        assertThat(BundleValidation.problems(BundleDocuments.read(file), CLUSTER))
                .anySatisfy(problem -> assertThat(problem).contains(expected));
    }

    @Test
    void everyShippedBundleIsValidInEveryVariant() {
        for (String name : BundleDocuments.SHIPPED) {
            Bundle bundle = BundleDocuments.shipped(name);
            assertThat(bundle.variants()).containsExactly("bare-metal", "generic", "hosted");
            assertThat(BundleValidation.problems(bundle, CLUSTER)).isEmpty();
            for (String variant : bundle.variants()) {
                assertThat(BundleValidation.problems(bundle.forVariant(variant), CLUSTER))
                        .as(name + " " + variant)
                        .isEmpty();
            }
        }
    }

    /** A readiness expression naming a CRD nobody ships never holds: the Platform would wait for it forever. */
    @Test
    void aShippedReadinessOnHearthsOwnApiNamesACrdThePlatformChartShips() throws IOException {
        Set<String> shipped;
        try (Stream<Path> files = Files.list(TestPaths.hearthCrds())) {
            shipped = files.map(f -> f.getFileName().toString().replaceFirst("-v1\\.yml$", ""))
                    .collect(Collectors.toSet());
        }
        for (String name : BundleDocuments.SHIPPED) {
            assertThat(BundleDocuments.shipped(name).components())
                    .filteredOn(c -> c.readiness() != null
                            && c.readiness().startsWith("crd:")
                            && c.readiness().endsWith(".hearth.dev"))
                    .isNotEmpty()
                    .allSatisfy(c -> assertThat(shipped)
                            .as("component %s of bundle %s: %s", c.name(), name, c.readiness())
                            .contains(c.readiness().substring("crd:".length())));
        }
    }

    @Test
    void theHostedVariantBringsNoIaasAndNoCniOrStorage() {
        Bundle hosted = BundleDocuments.shipped("hearth").forVariant("hosted");

        assertThat(hosted.components()).noneMatch(c -> "iaas".equals(c.layer()));
        assertThat(hosted.component("cilium")).isEmpty();
        assertThat(hosted.component("piraeus-operator")).isEmpty();
        assertThat(hosted.component("hearth")).isPresent();
    }

    @Test
    void aValidFixtureHasNoProblem() {
        assertThat(BundleValidation.problems(Fixtures.bundle("small.yaml"), CLUSTER))
                .isEmpty();
    }

    @Test
    void aDocumentWithAnUnknownFieldIsNoBundle() {
        assertThatThrownBy(() -> BundleDocuments.parse("name: x\nversion: 1.0.0\ncomponent: []\n"))
                .isInstanceOf(BundleDocuments.InvalidBundleException.class)
                .hasMessageContaining("component");
    }
}
