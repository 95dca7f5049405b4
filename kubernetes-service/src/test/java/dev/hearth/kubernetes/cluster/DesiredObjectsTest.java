package dev.hearth.kubernetes.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.hearth.kubernetes.release.ClusterRelease;

/**
 * Given a {@code Kubernetes} (mapping/&lt;case&gt;.yaml) in a tenant with etcd, ingress and host, these exact objects
 * exist (mapping/&lt;case&gt;-objects.yaml).
 */
class DesiredObjectsTest {

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "maximal"})
    void specBecomesExactlyTheExpectedObjects(String fixture) {
        var release = new ClusterRelease(Fixtures.kubernetes(fixture), Fixtures.TENANT);

        var actual = Fixtures.plain(fixture + "-objects", DesiredObjects.of(release, Fixtures.SETTINGS));

        assertThat(actual)
                .as("objects of %s (actual in target/golden-actual/mapping/)", fixture)
                .containsExactlyElementsOf(Fixtures.expected(fixture + "-objects"));
    }
}
