package dev.hearth.kubernetes.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.hearth.core.kube.ServerSideApply;
import dev.hearth.core.testing.TestKubernetes;
import dev.hearth.core.upstream.ClusterApi;
import dev.hearth.core.upstream.Flux;
import dev.hearth.kubernetes.release.ClusterRelease;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;

/**
 * The objects of the mapping fixtures, applied as the operator applies them, pass the real upstream schemas, and the
 * server then holds exactly the objects of the golden file: every one under the service's field manager, no other.
 */
class DesiredObjectsIT {
    /** Every kind a cluster is made of, so that an object the server holds but the mapping did not mean is seen. */
    private static final List<Class<? extends HasMetadata>> KINDS = List.of(
            ClusterApi.Cluster.class,
            ClusterApi.KamajiControlPlane.class,
            ClusterApi.KubevirtCluster.class,
            ClusterApi.KubevirtMachineTemplate.class,
            ClusterApi.KubeadmConfigTemplate.class,
            ClusterApi.MachineDeployment.class,
            ClusterApi.MachineHealthCheck.class,
            ServiceAccount.class,
            Role.class,
            RoleBinding.class,
            Deployment.class,
            Flux.HelmRelease.class);

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "maximal"})
    void theApiServerAcceptsEveryObject(String fixture) {
        var kubernetes =
                TestKubernetes.shared().withHearthCrds().withUpstreamCrds(TenantClusters.UPSTREAM_CRDS.split(","));
        var client = kubernetes.client();
        var apply = ServerSideApply.of(client, ClusterRelease.SERVICE);
        String namespace = kubernetes.newNamespace("mapping-" + fixture);
        var spec = Fixtures.kubernetes(fixture);
        spec.getMetadata().setNamespace(namespace);
        spec.getMetadata().setUid(null);
        spec.getMetadata().setGeneration(null);
        var owner = client.resource(spec).create();
        var release = new ClusterRelease(owner, Fixtures.TENANT);

        var objects = DesiredObjects.of(release, Fixtures.SETTINGS);
        // twice: a reconcile applies objects that already exist, and must leave them as they are
        for (HasMetadata object :
                Stream.concat(objects.stream(), objects.stream()).toList()) {
            assertThatCode(() -> apply.apply(object))
                    .as("%s %s", object.getKind(), object.getMetadata().getName())
                    .doesNotThrowAnyException();
        }

        List<HasMetadata> stored = KINDS.stream()
                .flatMap(kind -> client.resources(kind).inNamespace(namespace).list().getItems().stream())
                .map(HasMetadata.class::cast)
                .toList();
        assertThat(stored)
                .extracting(DesiredObjectsIT::kindAndName)
                .as("what the server holds")
                .containsExactlyInAnyOrderElementsOf(golden(fixture))
                .containsExactlyInAnyOrderElementsOf(
                        objects.stream().map(DesiredObjectsIT::kindAndName).toList());
        for (HasMetadata object : stored) {
            assertThat(object.getMetadata().getManagedFields())
                    .as("managers of %s", kindAndName(object))
                    .extracting(f -> f.getManager() + "/" + f.getOperation())
                    .containsExactly("hearth-kubernetes-service/Apply");
            assertThat(object.getMetadata().getOwnerReferences())
                    .extracting(o -> o.getUid())
                    .containsExactly(owner.getMetadata().getUid());
        }
    }

    /** Kind/name of every object of the golden file mapping/&lt;fixture&gt;-objects.yaml. */
    @SuppressWarnings("unchecked")
    private static List<String> golden(String fixture) {
        return Fixtures.expected(fixture + "-objects").stream()
                .map(o -> (Map<String, Object>) o)
                .map(o -> o.get("kind") + "/" + ((Map<String, Object>) o.get("metadata")).get("name"))
                .toList();
    }

    private static String kindAndName(HasMetadata object) {
        return object.getKind() + "/" + object.getMetadata().getName();
    }
}
