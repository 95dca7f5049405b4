package dev.hearth.kubernetes.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.hearth.core.testing.TestKubernetes;
import io.fabric8.kubernetes.api.model.HasMetadata;

/** The objects of the mapping fixtures, applied as the operator applies them, pass the real upstream schemas. */
class DesiredObjectsApiServerTest {

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "maximal"})
    void theApiServerAcceptsEveryObject(String fixture) {
        var kubernetes =
                TestKubernetes.shared().withHearthCrds().withUpstreamCrds(TenantClusters.UPSTREAM_CRDS.split(","));
        var client = kubernetes.client();
        String namespace = kubernetes.newNamespace("mapping-" + fixture);
        var spec = Fixtures.kubernetes(fixture);
        spec.getMetadata().setNamespace(namespace);
        spec.getMetadata().setUid(null);
        spec.getMetadata().setGeneration(null);
        var owner = client.resource(spec).create();
        var release = new ClusterRelease(owner, Fixtures.TENANT);

        var objects = DesiredObjects.of(release, Fixtures.SETTINGS);
        // twice: a reconcile applies objects that already exist, and must leave them as they are
        for (HasMetadata object : java.util.stream.Stream.concat(objects.stream(), objects.stream())
                .toList()) {
            assertThatCode(() -> client.resource(object)
                            .fieldManager(ClusterObjects.FIELD_MANAGER)
                            .forceConflicts()
                            .serverSideApply())
                    .as("%s %s", object.getKind(), object.getMetadata().getName())
                    .doesNotThrowAnyException();
        }
        assertThat(objects).hasSizeGreaterThan(10);
    }
}
