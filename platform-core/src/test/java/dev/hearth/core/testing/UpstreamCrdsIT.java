package dev.hearth.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;

/** Every upstream CRD that scripts/upstream-crds.sh materialises installs into the real API server and is served. */
class UpstreamCrdsIT {

    @Test
    void installsEveryUpstreamCrd() throws Exception {
        TestKubernetes kubernetes = TestKubernetes.shared().withAllUpstreamCrds();

        List<String> expected;
        try (Stream<Path> files = Files.walk(TestPaths.upstreamCrds())) {
            expected = files.filter(f ->
                            f.toString().endsWith(".yaml") && !f.getParent().equals(TestPaths.upstreamCrds()))
                    .map(f -> f.getFileName().toString().replace(".yaml", "") + "."
                            + f.getParent().getFileName())
                    .sorted()
                    .toList();
        }
        List<String> served =
                kubernetes.client().apiextensions().v1().customResourceDefinitions().list().getItems().stream()
                        .filter(crd -> crd.getStatus() != null
                                && crd.getStatus().getConditions() != null
                                && crd.getStatus().getConditions().stream()
                                        .anyMatch(
                                                c -> "Established".equals(c.getType()) && "True".equals(c.getStatus())))
                        .map(CustomResourceDefinition::getMetadata)
                        .map(m -> m.getName())
                        .toList();

        assertThat(expected).hasSizeGreaterThan(40);
        assertThat(served).containsAll(expected);
    }
}
