package dev.hearth.kubernetes.cluster;

import static dev.hearth.kubernetes.cluster.TenantClusters.at;
import static dev.hearth.kubernetes.cluster.TenantClusters.readyMessage;
import static dev.hearth.kubernetes.cluster.TenantClusters.readyReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hearth.core.api.kubernetes.Kubernetes;
import dev.hearth.core.tenant.TenantFacts;
import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.core.testing.TestKubernetes;
import dev.hearth.core.upstream.ClusterApi;
import dev.hearth.core.upstream.Flux;
import dev.hearth.core.upstream.Upstream;
import dev.hearth.kubernetes.addon.AddonsReady;
import dev.hearth.kubernetes.release.ClusterRelease;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The operator against a real API server with the upstream CRDs of Cluster API, Kamaji, the KubeVirt provider and
 * Flux installed, so that the server validates every object it writes. No upstream controller runs: where one would
 * write status or hold a finalizer, the test does it by hand.
 */
@QuarkusTest
@QuarkusTestResource(
        value = KubeApiServerTestResource.class,
        initArgs = @ResourceArg(name = "upstreamCrds", value = TenantClusters.UPSTREAM_CRDS))
class KubernetesReconcilerIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PatchContext MERGE = PatchContext.of(PatchType.JSON_MERGE);

    private final KubernetesClient client = TestKubernetes.shared().client();
    private final TenantClusters tenants = new TenantClusters(client);

    private static final String TWO_GROUPS_THREE_ADDONS = """
            apiVersion: apps.hearth.dev/v1alpha1
            kind: Kubernetes
            metadata:
              name: demo
            spec:
              version: v1.34
              nodeGroups:
                workers: {minReplicas: 1, maxReplicas: 4, instanceType: u1.medium, roles: [worker]}
                big: {minReplicas: 0, maxReplicas: 2, resources: {cpu: "4", memory: 16Gi}, diskSize: 40Gi, storageClass: replicated}
              addons:
                certManager: {enabled: true}
                ingressNginx: {enabled: true, valuesOverride: {controller: {replicaCount: 2}}}
                velero: {enabled: true}
            """;

    @Test
    void twoNodeGroupsAndThreeAddonsBecomeExactlyTheExpectedObjectsTheServerAccepts() {
        var tenant = tenants.newTenant(true);
        String ns = tenant.getStatus().namespace;
        var created = tenants.create(ns, TWO_GROUPS_THREE_ADDONS);

        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(tenants.names(ns, Flux.HelmRelease.class))
                        .as(() -> "status: "
                                + client.getKubernetesSerialization()
                                        .asJson(tenants.get(ns, "demo").getStatus()))
                        .hasSize(6));
        var kubernetes = tenants.get(ns, "demo");
        assertThat(kubernetes.getMetadata().getGeneration())
                .as("the operator never writes the user's spec")
                .isEqualTo(1L);
        assertThat(kubernetes.getSpec().version.minor()).isEqualTo("v1.34");
        List<HasMetadata> desired =
                DesiredObjects.of(new ClusterRelease(kubernetes, TenantFacts.of(tenant)), Fixtures.SETTINGS);

        assertThat(tenants.names(ns, ClusterApi.Cluster.class)).containsExactly("kubernetes-demo");
        assertThat(tenants.names(ns, ClusterApi.KamajiControlPlane.class)).containsExactly("kubernetes-demo");
        assertThat(tenants.names(ns, ClusterApi.KubevirtCluster.class)).containsExactly("kubernetes-demo");
        assertThat(tenants.names(ns, ClusterApi.KubevirtMachineTemplate.class))
                .hasSize(2)
                .allMatch(n -> n.matches("kubernetes-demo-(workers|big)-[0-9a-f]{6}"));
        assertThat(tenants.names(ns, ClusterApi.KubeadmConfigTemplate.class))
                .containsExactly("kubernetes-demo-big", "kubernetes-demo-workers");
        assertThat(tenants.names(ns, ClusterApi.MachineDeployment.class))
                .containsExactly("kubernetes-demo-big", "kubernetes-demo-workers");
        assertThat(tenants.names(ns, ClusterApi.MachineHealthCheck.class))
                .containsExactly("kubernetes-demo-big", "kubernetes-demo-workers");
        assertThat(tenants.names(ns, Flux.HelmRelease.class))
                .containsExactly(
                        "kubernetes-demo-cert-manager",
                        "kubernetes-demo-cilium",
                        "kubernetes-demo-coredns",
                        "kubernetes-demo-ingress-nginx",
                        "kubernetes-demo-metrics-server",
                        "kubernetes-demo-velero");
        assertThat(client.apps().deployments().inNamespace(ns).list().getItems())
                .extracting(d -> d.getMetadata().getName())
                .containsExactly("kubernetes-demo-cluster-autoscaler");
        await().atMost(TIMEOUT)
                .untilAsserted(
                        () -> assertThat(readyReason(tenants.get(ns, "demo"))).isEqualTo("Provisioning"));

        for (HasMetadata object : desired) {
            HasMetadata stored = stored(ns, object);
            assertThat(stored)
                    .as("%s %s exists", object.getKind(), object.getMetadata().getName())
                    .isNotNull();
            assertThat(stored.getMetadata().getOwnerReferences())
                    .extracting(o -> o.getUid())
                    .containsExactly(created.getMetadata().getUid());
            assertContains(
                    plain(stored),
                    plain(object),
                    object.getKind() + "/" + object.getMetadata().getName());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theUsersSpecSurvivesTheFinalizerExactlyAndTheServiceOwnsTheFinalizer() {
        var tenant = tenants.newTenant(true);
        String ns = tenant.getStatus().namespace;
        var created = tenants.create(ns, """
                apiVersion: apps.hearth.dev/v1alpha1
                kind: Kubernetes
                metadata:
                  name: kept
                spec:
                  version: v1.34
                  certSANs: [api.kept.example.org, 10.0.0.10]
                  nodeGroups:
                    workers: {minReplicas: 1, maxReplicas: 3, instanceType: u1.large}
                  addons:
                    certManager: {enabled: true}
                    velero: {enabled: true, valuesOverride: {schedule: daily}}
                """);
        // the spec as the user sent it, with the server's defaults: what must stay
        Map<String, Object> userSpec = (Map<String, Object>) plain(created).get("spec");

        await().atMost(TIMEOUT)
                .untilAsserted(
                        () -> assertThat(readyReason(tenants.get(ns, "kept"))).isEqualTo("Provisioning"));
        var kept = tenants.get(ns, "kept");

        assertThat(kept.getMetadata().getFinalizers()).isNotEmpty();
        assertThat((Map<String, Object>) plain(kept).get("spec")).isEqualTo(userSpec);
        assertThat(kept.getMetadata().getGeneration()).isEqualTo(1L);
        assertThat(kept.getSpec().version.minor()).isEqualTo("v1.34");
        assertThat(kept.getSpec().certSANs).containsExactly("api.kept.example.org", "10.0.0.10");
        assertThat(kept.getSpec().addons.certManager.enabled).isTrue();
        assertThat(kept.getSpec().addons.velero.enabled).isTrue();
        assertThat(kept.getSpec().nodeGroups).containsOnlyKeys("workers");
        assertThat(kept.getSpec().nodeGroups.get("workers").instanceType).isEqualTo("u1.large");

        var managers = kept.getMetadata().getManagedFields();
        assertThat(managers)
                .filteredOn(f -> f.getFieldsV1() != null
                        && fields(f).containsKey("f:metadata")
                        && ((Map<String, Object>) fields(f).get("f:metadata")).containsKey("f:finalizers"))
                .as("who owns the finalizer")
                .extracting(f -> f.getManager() + "/" + f.getOperation())
                .containsExactly("hearth-kubernetes-service/Apply");
        assertThat(managers)
                .filteredOn(f -> "hearth-kubernetes-service".equals(f.getManager()))
                .allSatisfy(f -> assertThat((Map<String, Object>) fields(f).getOrDefault("f:spec", Map.of()))
                        .as("spec fields the service owns (%s)", f.getSubresource())
                        .isEmpty());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> fields(io.fabric8.kubernetes.api.model.ManagedFieldsEntry entry) {
        return JSON.convertValue(entry.getFieldsV1().getAdditionalProperties(), Map.class);
    }

    @Test
    void changingAnInstanceTypeRollsTheGroupOntoANewTemplateKeptUntilNoMachineSetUsesTheOld() {
        var tenant = tenants.newTenant(true);
        String ns = tenant.getStatus().namespace;
        tenants.create(ns, TWO_GROUPS_THREE_ADDONS);
        await().atMost(TIMEOUT)
                .until(() -> tenants.get(ns, ClusterApi.MachineDeployment.class, "kubernetes-demo-workers") != null);
        String oldTemplate = templateOf(ns, "kubernetes-demo-workers");
        // stands in for Cluster API, whose MachineSet made the running machines from the current template
        client.resource(machineSet(ns, "kubernetes-demo-workers-7d9f", oldTemplate))
                .create();
        await().atMost(TIMEOUT).until(() -> tenants.get(ns, Flux.HelmRelease.class, "kubernetes-demo-velero") != null);

        client.resources(Kubernetes.class)
                .inNamespace(ns)
                .withName("demo")
                .patch(
                        MERGE,
                        "{\"spec\": {\"nodeGroups\": {\"workers\": {\"instanceType\": \"u1.large\"}}, \"addons\": {\"velero\": {\"enabled\": false}}}}");

        await().atMost(TIMEOUT)
                .until(() -> Long.valueOf(2L).equals(tenants.get(ns, "demo").getStatus().observedGeneration));
        String newTemplate = templateOf(ns, "kubernetes-demo-workers");
        assertThat(newTemplate).matches("kubernetes-demo-workers-[0-9a-f]{6}").isNotEqualTo(oldTemplate);
        assertThat(at(
                        tenants.get(ns, ClusterApi.KubevirtMachineTemplate.class, newTemplate),
                        "spec",
                        "template",
                        "spec",
                        "virtualMachineTemplate",
                        "spec",
                        "instancetype",
                        "name"))
                .isEqualTo("u1.large");
        assertThat(tenants.get(ns, ClusterApi.KubevirtMachineTemplate.class, oldTemplate))
                .as("the old MachineSet's machines were made from the old template")
                .isNotNull();
        // deleted; a helm-controller of another test of this JVM may hold it by its finalizer while it uninstalls
        await().atMost(Duration.ofMinutes(1))
                .untilAsserted(() -> assertThat(tenants.get(ns, Flux.HelmRelease.class, "kubernetes-demo-velero"))
                        .as("velero disabled")
                        .isNull());

        // Cluster API has rolled every machine onto the new MachineSet and removes the old one
        client.resources(ClusterApi.MachineSet.class)
                .inNamespace(ns)
                .withName("kubernetes-demo-workers-7d9f")
                .delete();

        await().atMost(TIMEOUT)
                .until(() -> tenants.get(ns, ClusterApi.KubevirtMachineTemplate.class, oldTemplate) == null);
        assertThat(tenants.names(ns, ClusterApi.KubevirtMachineTemplate.class))
                .hasSize(2)
                .contains(newTemplate);
    }

    private static ClusterApi.MachineSet machineSet(String ns, String name, String template) {
        var labels = Map.of(
                ClusterApi.CLUSTER_NAME_LABEL,
                "kubernetes-demo",
                ClusterApi.DEPLOYMENT_NAME_LABEL,
                "kubernetes-demo-workers");
        return Upstream.object(
                ClusterApi.MachineSet.class,
                new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
                        .withName(name)
                        .withNamespace(ns)
                        .withLabels(labels)
                        .build(),
                Map.of(
                        "clusterName", "kubernetes-demo",
                        "selector", Map.of("matchLabels", labels),
                        "template",
                                Map.of(
                                        "metadata",
                                        Map.of("labels", labels),
                                        "spec",
                                        Map.of(
                                                "clusterName", "kubernetes-demo",
                                                "bootstrap",
                                                        Map.of(
                                                                "configRef",
                                                                ClusterApi.ref(
                                                                        ClusterApi.KubeadmConfigTemplate.class,
                                                                        "kubernetes-demo-workers",
                                                                        ns)),
                                                "infrastructureRef",
                                                        ClusterApi.ref(
                                                                ClusterApi.KubevirtMachineTemplate.class,
                                                                template,
                                                                ns)))));
    }

    @Test
    void waitsForTheDatastoreWhileTheTenantHasNoEtcdAndStartsOnceItHasOne() {
        var tenant = tenants.newTenant(false);
        String ns = tenant.getStatus().namespace;
        tenants.create(ns, minimal("waiting"));

        await().atMost(TIMEOUT)
                .untilAsserted(() ->
                        assertThat(readyReason(tenants.get(ns, "waiting"))).isEqualTo("WaitingForDatastore"));
        assertThat(readyMessage(tenants.get(ns, "waiting")))
                .isEqualTo("Tenant " + tenant.getMetadata().getName()
                        + " has no etcd to store the cluster's state: enable etcd (spec.etcd: true) on this tenant or one of its ancestor tenants;"
                        + " the cluster is created as soon as the etcd runs");
        assertThat(tenants.names(ns, ClusterApi.Cluster.class)).isEmpty();
        assertThat(tenants.names(ns, ClusterApi.KamajiControlPlane.class)).isEmpty();

        tenants.setServices(client.resource(tenant).get(), "tenant-root");

        await().atMost(TIMEOUT)
                .until(() -> tenants.get(ns, ClusterApi.KamajiControlPlane.class, "kubernetes-waiting") != null);
        assertThat(at(
                        tenants.get(ns, ClusterApi.KamajiControlPlane.class, "kubernetes-waiting"),
                        "spec",
                        "dataStoreName"))
                .isEqualTo("tenant-root");
    }

    @Test
    void aForgedTenantStatusDoesNotMoveTheClusterToAnotherEtcd() {
        var tenant = tenants.newTenant(true);
        String ns = tenant.getStatus().namespace;
        // a tenant user who wrote the Tenant status: the cluster must keep the etcd of its own lineage
        tenant = client.resource(tenant).get();
        tenant.getStatus().services.etcd = "tenant-sibling";
        client.resource(tenant).updateStatus();
        tenants.create(ns, minimal("forged"));

        await().atMost(TIMEOUT)
                .until(() -> tenants.get(ns, ClusterApi.KamajiControlPlane.class, "kubernetes-forged") != null);
        assertThat(at(
                        tenants.get(ns, ClusterApi.KamajiControlPlane.class, "kubernetes-forged"),
                        "spec",
                        "dataStoreName"))
                .isEqualTo("tenant-root");
    }

    @Test
    void gpusOnAnInstanceTypeWithoutThemAreRefusedAndNothingIsCreated() {
        var tenant = tenants.newTenant(true);
        String ns = tenant.getStatus().namespace;
        tenants.create(ns, """
                apiVersion: apps.hearth.dev/v1alpha1
                kind: Kubernetes
                metadata:
                  name: gpu
                spec:
                  nodeGroups:
                    ml: {instanceType: u1.xlarge, gpus: [{name: nvidia.com/AD102GL_L40S}]}
                """);

        await().atMost(TIMEOUT)
                .untilAsserted(
                        () -> assertThat(readyReason(tenants.get(ns, "gpu"))).isEqualTo("InvalidSpec"));
        assertThat(readyMessage(tenants.get(ns, "gpu")))
                .isEqualTo(
                        "node group ml requests GPUs but instance type u1.xlarge cannot pass"
                                + " GPUs through: use an instance type of the gn1 series (e.g. gn1.xlarge) or remove spec.nodeGroups.ml.gpus");
        assertThat(tenants.names(ns, ClusterApi.Cluster.class)).isEmpty();
    }

    @Test
    void mirrorsWhatClusterApiAndKamajiReport() {
        var tenant = tenants.newTenant(true);
        String ns = tenant.getStatus().namespace;
        tenants.create(ns, minimal("mirror"));
        await().atMost(TIMEOUT)
                .until(() -> tenants.get(ns, ClusterApi.MachineDeployment.class, "kubernetes-mirror-md0") != null);

        setStatus(
                ns,
                ClusterApi.Cluster.class,
                "kubernetes-mirror",
                Map.of(
                        "phase",
                        "Provisioned",
                        "controlPlaneReady",
                        true,
                        "infrastructureReady",
                        true,
                        "conditions",
                        List.of(
                                Map.of("type", "Ready", "status", "True", "lastTransitionTime", "2026-01-01T00:00:00Z"),
                                Map.of(
                                        "type",
                                        "ControlPlaneReady",
                                        "status",
                                        "True",
                                        "lastTransitionTime",
                                        "2026-01-01T00:00:00Z"))));
        setStatus(
                ns,
                ClusterApi.KamajiControlPlane.class,
                "kubernetes-mirror",
                Map.of(
                        "externalManagedControlPlane",
                        true,
                        "initialized",
                        true,
                        "ready",
                        true,
                        "readyReplicas",
                        2,
                        "replicas",
                        2,
                        "selector",
                        "kamaji.clastix.io/name=kubernetes-mirror",
                        "unavailableReplicas",
                        0,
                        "updatedReplicas",
                        2,
                        "version",
                        "v1.35.6"));
        setStatus(
                ns,
                ClusterApi.MachineDeployment.class,
                "kubernetes-mirror-md0",
                Map.of("replicas", 3, "readyReplicas", 2));

        await().atMost(TIMEOUT).untilAsserted(() -> {
            var status = tenants.get(ns, "mirror").getStatus();
            assertThat(status.phase).isEqualTo("Provisioned");
            assertThat(status.version).isEqualTo("v1.35.6");
            assertThat(status.kubeconfigSecret).isEqualTo("kubernetes-mirror-admin-kubeconfig");
            assertThat(status.apiEndpoint)
                    .isEqualTo(
                            "https://kubernetes-mirror." + tenant.getMetadata().getName() + ".example.org");
            assertThat(status.nodeGroups.get("md0").replicas).isEqualTo(3);
            assertThat(status.nodeGroups.get("md0").readyReplicas).isEqualTo(2);
            // AddonsReady says what Flux says of the addons, if Flux runs on the shared API server
            // (AddonsThroughFluxIT)
            assertThat(status.conditions)
                    .filteredOn(c -> !AddonsReady.TYPE.equals(c.getType()))
                    .extracting(c -> c.getType() + "=" + c.getStatus())
                    .containsExactly("Ready=True", "ControlPlaneReady=True");
            assertThat(status.conditions).extracting(c -> c.getType()).contains(AddonsReady.TYPE);
            assertThat(readyReason(tenants.get(ns, "mirror"))).isEqualTo("ClusterReady");
        });
    }

    @Test
    void deletionRemovesTheClusterApiClusterFirstAndSaysWhatBlocks() {
        var tenant = tenants.newTenant(true);
        String ns = tenant.getStatus().namespace;
        tenants.create(ns, minimal("gone"));
        await().atMost(TIMEOUT)
                .until(() -> tenants.names(ns, Flux.HelmRelease.class).size() == 3);
        // stands in for Cluster API, which holds the Cluster until every machine is gone
        client.resources(ClusterApi.Cluster.class)
                .inNamespace(ns)
                .withName("kubernetes-gone")
                .patch(MERGE, "{\"metadata\": {\"finalizers\": [\"cluster.cluster.x-k8s.io\"]}}");

        client.resources(Kubernetes.class).inNamespace(ns).withName("gone").delete();

        await().atMost(TIMEOUT)
                .untilAsserted(
                        () -> assertThat(readyReason(tenants.get(ns, "gone"))).isEqualTo("Deleting"));
        assertThat(readyMessage(tenants.get(ns, "gone")))
                .isEqualTo(
                        "Waiting for Cluster API to delete Cluster kubernetes-gone"
                                + " (finalizers: cluster.cluster.x-k8s.io); the control plane, node groups and addons are removed after it");
        assertThat(tenants.get(ns, ClusterApi.Cluster.class, "kubernetes-gone")
                        .getMetadata()
                        .getDeletionTimestamp())
                .isNotNull();
        assertThat(tenants.names(ns, ClusterApi.KamajiControlPlane.class)).containsExactly("kubernetes-gone");
        assertThat(tenants.names(ns, ClusterApi.MachineDeployment.class)).containsExactly("kubernetes-gone-md0");

        client.resources(ClusterApi.Cluster.class)
                .inNamespace(ns)
                .withName("kubernetes-gone")
                .patch(MERGE, "{\"metadata\": {\"finalizers\": null}}");

        await().atMost(Duration.ofSeconds(45)).until(() -> tenants.get(ns, "gone") == null);
        assertThat(tenants.names(ns, ClusterApi.KamajiControlPlane.class)).isEmpty();
        assertThat(tenants.names(ns, ClusterApi.KubevirtCluster.class)).isEmpty();
        assertThat(tenants.names(ns, ClusterApi.MachineDeployment.class)).isEmpty();
        assertThat(tenants.names(ns, ClusterApi.KubevirtMachineTemplate.class)).isEmpty();
        assertThat(tenants.names(ns, Flux.HelmRelease.class)).isEmpty();
        assertThat(client.apps().deployments().inNamespace(ns).list().getItems())
                .isEmpty();
    }

    private static String minimal(String name) {
        return "apiVersion: apps.hearth.dev/v1alpha1\nkind: Kubernetes\nmetadata:\n  name: " + name + "\nspec: {}\n";
    }

    private String templateOf(String ns, String deployment) {
        return (String) at(
                tenants.get(ns, ClusterApi.MachineDeployment.class, deployment),
                "spec",
                "template",
                "spec",
                "infrastructureRef",
                "name");
    }

    private <T extends GenericKubernetesResource> void setStatus(
            String ns, Class<T> kind, String name, Map<String, Object> status) {
        var resource = tenants.get(ns, kind, name);
        resource.setAdditionalProperty("status", status);
        client.resources(kind).inNamespace(ns).resource(resource).updateStatus();
    }

    private HasMetadata stored(String ns, HasMetadata object) {
        if (object instanceof GenericKubernetesResource) {
            return tenants.get(ns, object.getClass(), object.getMetadata().getName());
        }
        Class<? extends HasMetadata> type = switch (object.getKind()) {
            case "Deployment" -> Deployment.class;
            case "ServiceAccount" -> ServiceAccount.class;
            case "Role" -> Role.class;
            case "RoleBinding" -> RoleBinding.class;
            default -> throw new IllegalArgumentException(object.getKind());
        };
        return client.resources(type)
                .inNamespace(ns)
                .withName(object.getMetadata().getName())
                .get();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> plain(HasMetadata object) {
        try {
            return JSON.readValue(client.getKubernetesSerialization().asJson(object), Map.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every field the operator wrote is stored unchanged (the server may add defaults, never drop or change ours). */
    @SuppressWarnings("unchecked")
    private static void assertContains(Object stored, Object desired, String path) {
        if (desired instanceof Map<?, ?> desiredMap) {
            assertThat(stored).as(path).isInstanceOf(Map.class);
            var storedMap = (Map<String, Object>) stored;
            for (var entry : ((Map<String, Object>) desiredMap).entrySet()) {
                if (List.of("creationTimestamp", "resourceVersion", "uid", "managedFields", "generation")
                        .contains(entry.getKey())) {
                    continue;
                }
                assertThat(storedMap).as(path).containsKey(entry.getKey());
                assertContains(storedMap.get(entry.getKey()), entry.getValue(), path + "." + entry.getKey());
            }
        } else if (desired instanceof List<?> desiredList) {
            assertThat(stored).as(path).isInstanceOf(List.class);
            var storedList = new ArrayList<>((List<Object>) stored);
            assertThat(storedList).as(path).hasSameSizeAs(desiredList);
            for (int i = 0; i < desiredList.size(); i++) {
                assertContains(storedList.get(i), desiredList.get(i), path + "[" + i + "]");
            }
        } else {
            assertThat(String.valueOf(stored)).as(path).isEqualTo(String.valueOf(desired));
        }
    }
}
