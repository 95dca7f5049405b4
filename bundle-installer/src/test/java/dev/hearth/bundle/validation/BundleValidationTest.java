package dev.hearth.bundle.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.hearth.bundle.Fixtures;
import dev.hearth.bundle.model.Bundle;
import dev.hearth.bundle.model.BundleDocuments;

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
