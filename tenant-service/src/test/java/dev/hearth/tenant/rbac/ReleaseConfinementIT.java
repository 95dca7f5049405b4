package dev.hearth.tenant.rbac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.core.tenant.ReleaseServiceAccount;
import dev.hearth.core.testing.FluxControllers;
import dev.hearth.core.testing.HelmChartRepository;
import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.core.testing.TestKubernetes;
import dev.hearth.core.testing.YamlFixtures;
import dev.hearth.core.upstream.Flux;
import dev.hearth.tenant.Tenants;
import dev.hearth.tenant.lineage.NamespaceFor;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Charts are no way out of a tenant namespace. The real tenant-service makes tenant {@code confined}; real Flux
 * (helm-controller with {@code --default-service-account=hearth-releases}, as in production) installs releases in its
 * namespace as its release ServiceAccount. The chart {@code escape} (src/test/resources/charts) renders whatever its
 * values list, as a chart whose values reach too far would: a ConfigMap in another namespace, a ClusterRoleBinding
 * making the tenant cluster-admin, and a privileged pod each leave the release Ready=False with Flux's message naming
 * the refused action, and the object does not exist; so does a nested HelmRelease the chart renders. Real app charts
 * (redis, tcpbalancer, httpcache) under the same account become Ready, and their pods pass the enforced baseline.
 * Privileged, host-network and hostPath pods are refused by Pod Security Admission even for a cluster-admin.
 */
@QuarkusTest
@QuarkusTestResource(
        value = KubeApiServerTestResource.class,
        initArgs = {
            @ResourceArg(name = "upstreamCrds", value = "databases.spotahome.com"),
            @ResourceArg(name = "flux", value = "true"),
            @ResourceArg(name = "fluxDefaultServiceAccount", value = ReleaseServiceAccount.NAME)
        })
class ReleaseConfinementIT {
    private static final Duration RELEASE_TIMEOUT = Duration.ofMinutes(2);
    private static final String TENANT_NAMESPACE = "tenant-confined";
    private static final String RELEASE_USER =
            "system:serviceaccount:" + TENANT_NAMESPACE + ":" + ReleaseServiceAccount.NAME;
    private static final ResourceDefinitionContext HELM_RELEASE =
            ResourceDefinitionContext.fromResourceType(Flux.HelmRelease.class);
    private static final String REDIS_FAILOVER = "databases.spotahome.com/v1";

    private static HelmChartRepository appCharts;
    private static HelmChartRepository escapeChart;
    private static String sources;
    private static String victim;
    private static KubernetesClient admin;

    @BeforeAll
    static void tenantAndCharts() throws URISyntaxException {
        TestKubernetes kubernetes = TestKubernetes.shared();
        admin = kubernetes.client();
        appCharts = HelmChartRepository.serveAppCharts();
        escapeChart = HelmChartRepository.serve(
                Path.of(ReleaseConfinementIT.class.getResource("/charts").toURI()), 0);
        // the chart sources live elsewhere, as apps-catalog's releases refer to hearth-system/hearth-apps
        sources = kubernetes.newNamespace("sources");
        helmRepository("hearth-apps", appCharts.url());
        helmRepository("escape", escapeChart.url());
        victim = kubernetes.newNamespace("victim");

        Tenants.awaitRoot();
        Tenants.apply(YamlFixtures.parse("""
                apiVersion: apps.hearth.dev/v1alpha1
                kind: Tenant
                metadata:
                  name: confined
                  namespace: tenant-root
                spec: {}
                """, Tenant.class));
        Tenants.awaitReason("tenant-root", "confined", "NamespaceReady");
    }

    @AfterAll
    static void stopChartRepositories() {
        if (appCharts != null) {
            appCharts.close();
        }
        if (escapeChart != null) {
            escapeChart.close();
        }
    }

    @Test
    @Timeout(300)
    void aConfigMapInAnotherNamespaceIsRefused() {
        Map<String, Object> configMap = object("v1", "ConfigMap", "planted", victim);
        configMap.put("data", Map.of("owned", "yes"));

        assertReleaseRefused(
                "to-victim", ReleaseServiceAccount.NAME, configMap, "\"configmaps\"", "namespace \"" + victim + "\"");
        assertThat(admin.configMaps().inNamespace(victim).withName("planted").get())
                .isNull();
    }

    @Test
    @Timeout(300)
    void aClusterScopedObjectIsRefusedAlsoForAReleaseThatNamesNoServiceAccount() {
        Map<String, Object> binding =
                object("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", "confined-is-cluster-admin", null);
        binding.put(
                "roleRef",
                Map.of("apiGroup", "rbac.authorization.k8s.io", "kind", "ClusterRole", "name", "cluster-admin"));
        binding.put(
                "subjects",
                List.of(Map.of(
                        "apiGroup", "rbac.authorization.k8s.io", "kind", "Group", "name", TENANT_NAMESPACE + "-view")));

        // no serviceAccountName: helm-controller's --default-service-account applies, not its own cluster-admin
        assertReleaseRefused("to-cluster", null, binding, "\"clusterrolebindings\"", "at the cluster scope");
        assertThat(admin.rbac()
                        .clusterRoleBindings()
                        .withName("confined-is-cluster-admin")
                        .get())
                .isNull();
    }

    @Test
    @Timeout(300)
    void aPrivilegedHostPodIsRefused() {
        assertReleaseRefused(
                "to-host",
                ReleaseServiceAccount.NAME,
                hostPod("host-root", TENANT_NAMESPACE),
                "\"pods\"",
                "namespace \"" + TENANT_NAMESPACE + "\"");
        assertThat(admin.pods()
                        .inNamespace(TENANT_NAMESPACE)
                        .withName("host-root")
                        .get())
                .isNull();
    }

    /**
     * The module charts that wrap upstream charts render HelmReleases of their own; such a nested release names no
     * account, so helm-controller's default applies to it too, and its {@code targetNamespace} cannot lead elsewhere.
     */
    @Test
    @Timeout(300)
    void aNestedReleaseAimedAtAnotherNamespaceIsRefused() {
        Map<String, Object> planted = object("v1", "ConfigMap", "planted-by-nested", null);
        planted.put("data", Map.of("owned", "yes"));
        Map<String, Object> nested = object("helm.toolkit.fluxcd.io/v2", "HelmRelease", "nested", TENANT_NAMESPACE);
        nested.put(
                "spec",
                Map.of(
                        "interval",
                        "5m",
                        "targetNamespace",
                        victim,
                        "chart",
                        Map.of(
                                "spec",
                                Map.of(
                                        "chart",
                                        "escape",
                                        "version",
                                        "0.1.0",
                                        "sourceRef",
                                        Map.of("kind", "HelmRepository", "name", "escape", "namespace", sources))),
                        "values",
                        Map.of("objects", List.of(planted))));
        createRelease("wrapper", "escape", ReleaseServiceAccount.NAME, Map.of("objects", List.of(nested)));
        awaitReady("wrapper");

        awaitRelease("nested", ready -> {
            assertThat(ready).as("Ready condition").isNotNull();
            assertThat(ready.get("status")).isEqualTo("False");
            assertThat((String) ready.get("message"))
                    .contains("forbidden: User \"" + RELEASE_USER + "\" cannot")
                    .contains("namespace \"" + victim + "\"");
        });
        assertThat(admin.configMaps()
                        .inNamespace(victim)
                        .withName("planted-by-nested")
                        .get())
                .isNull();
    }

    /** Whoever creates the pod (here a cluster-admin, as an operator acting on a tenant's resource would be). */
    @Test
    void podSecurityRefusesPrivilegedHostNetworkAndHostPathPodsEvenForAClusterAdmin() {
        assertPodRefused("privileged", Map.of("securityContext", Map.of("privileged", true)), Map.of(), "privileged");
        assertPodRefused("host-network", Map.of(), Map.of("hostNetwork", true), "host namespaces (hostNetwork=true)");
        assertPodRefused(
                "host-path",
                Map.of(),
                Map.of("volumes", List.of(Map.of("name", "root", "hostPath", Map.of("path", "/")))),
                "hostPath volumes (volume \"root\")");

        Pod plain = admin.resource(pod("plain", Map.of(), Map.of())).create();
        assertThat(plain.getMetadata().getUid())
                .as("a baseline pod is admitted")
                .isNotBlank();
        admin.resource(plain).delete();
    }

    @Test
    @Timeout(300)
    void wellBehavedReleasesUnderTheSameAccountBecomeReady() {
        Map<String, Object> own = object("v1", "ConfigMap", "own-settings", TENANT_NAMESPACE);
        own.put("data", Map.of("greeting", "hello"));
        createRelease("own", "escape", ReleaseServiceAccount.NAME, Map.of("objects", List.of(own)));
        createRelease(
                "redis-cache",
                "redis",
                ReleaseServiceAccount.NAME,
                Map.of("replicas", 3, "version", "v7", "size", "2Gi", "external", false, "_namespace", Map.of()));

        awaitReady("own");
        awaitReady("redis-cache");
        assertThat(admin.configMaps()
                        .inNamespace(TENANT_NAMESPACE)
                        .withName("own-settings")
                        .get())
                .isNotNull();
        assertThat(admin.genericKubernetesResources(REDIS_FAILOVER, "RedisFailover")
                        .inNamespace(TENANT_NAMESPACE)
                        .withName("redis-cache")
                        .get())
                .isNotNull();
        assertThat(admin.secrets()
                        .inNamespace(TENANT_NAMESPACE)
                        .withName("redis-cache-auth")
                        .get())
                .isNotNull();
    }

    /**
     * The pods of the charts that render workloads themselves pass {@code baseline}, which the tenant namespace
     * enforces, and not {@code restricted} (no chart sets a securityContext yet): why baseline is the level. Helm does
     * not wait here, since no controller runs the workloads' pods on this API server.
     */
    @Test
    @Timeout(300)
    void theWorkloadChartsPodsPassBaselineButNotRestricted() {
        Map<String, Object> noWait = Map.of("disableWait", true);
        createRelease("balancer", "tcpbalancer", ReleaseServiceAccount.NAME, Map.of("_namespace", Map.of()), noWait);
        createRelease("cache", "httpcache", ReleaseServiceAccount.NAME, Map.of("_namespace", Map.of()), noWait);
        awaitReady("balancer");
        awaitReady("cache");

        List<PodTemplateSpec> templates = new ArrayList<>();
        admin.apps().deployments().inNamespace(TENANT_NAMESPACE).list().getItems().stream()
                .filter(d -> List.of("balancer", "cache").contains(releaseOf(d)))
                .forEach(d -> templates.add(d.getSpec().getTemplate()));
        admin.apps().statefulSets().inNamespace(TENANT_NAMESPACE).list().getItems().stream()
                .filter(s -> List.of("balancer", "cache").contains(releaseOf(s)))
                .forEach(s -> templates.add(withClaims(s)));
        assertThat(templates)
                .as("tcpbalancer's and httpcache's Deployments and StatefulSet")
                .hasSizeGreaterThanOrEqualTo(3);

        String restricted = TestKubernetes.shared().newNamespace("restricted");
        admin.namespaces()
                .withName(restricted)
                .edit(n -> new NamespaceBuilder(n)
                        .editMetadata()
                        .addToLabels(NamespaceFor.POD_SECURITY_ENFORCE, "restricted")
                        .endMetadata()
                        .build());
        for (PodTemplateSpec template : templates) {
            Pod admitted =
                    admin.resource(podOf(template, TENANT_NAMESPACE)).dryRun().create();
            assertThat(admitted.getMetadata().getUid()).isNotBlank();
            assertThatThrownBy(() ->
                            admin.resource(podOf(template, restricted)).dryRun().create())
                    .isInstanceOfSatisfying(
                            KubernetesClientException.class,
                            e -> assertThat(e.getStatus().getMessage())
                                    .contains("violates PodSecurity \"restricted:latest\""));
        }
    }

    /** The pod template as the StatefulSet controller makes its first pod: with a volume per claim template. */
    private static PodTemplateSpec withClaims(StatefulSet set) {
        PodTemplateSpec template = new PodTemplateSpecBuilder(set.getSpec().getTemplate()).build();
        for (var claim : set.getSpec().getVolumeClaimTemplates()) {
            String name = claim.getMetadata().getName();
            template.getSpec()
                    .getVolumes()
                    .add(new VolumeBuilder()
                            .withName(name)
                            .withNewPersistentVolumeClaim()
                            .withClaimName(name + "-" + set.getMetadata().getName() + "-0")
                            .endPersistentVolumeClaim()
                            .build());
        }
        return template;
    }

    private static String releaseOf(HasMetadata workload) {
        return workload.getMetadata().getLabels() == null
                ? null
                : workload.getMetadata().getLabels().get("app.kubernetes.io/instance");
    }

    private static Pod podOf(PodTemplateSpec template, String namespace) {
        return new PodBuilder()
                .withNewMetadata()
                .withGenerateName("from-template-")
                .withNamespace(namespace)
                .withLabels(template.getMetadata().getLabels())
                .endMetadata()
                .withSpec(template.getSpec())
                .build();
    }

    /** The release of {@code escape} rendering {@code object} ends Ready=False with the release account's refusal. */
    private static void assertReleaseRefused(
            String name, String serviceAccount, Map<String, Object> object, String resource, String scope) {
        createRelease(name, "escape", serviceAccount, Map.of("objects", List.of(object)));
        awaitRelease(name, ready -> {
            assertThat(ready).as("Ready condition").isNotNull();
            assertThat(ready.get("status")).isEqualTo("False");
            assertThat((String) ready.get("message"))
                    .as("Flux's message")
                    .contains("forbidden: User \"" + RELEASE_USER + "\" cannot")
                    .contains(resource)
                    .contains(scope);
        });
    }

    private static void assertPodRefused(
            String name, Map<String, Object> container, Map<String, Object> podSpec, String violation) {
        assertThatThrownBy(() -> admin.resource(pod(name, container, podSpec)).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(403);
                    assertThat(e.getStatus().getMessage())
                            .contains("violates PodSecurity \"baseline:latest\"")
                            .contains(violation);
                });
        assertThat(admin.pods().inNamespace(TENANT_NAMESPACE).withName(name).get())
                .isNull();
    }

    private static Pod pod(String name, Map<String, Object> container, Map<String, Object> podSpec) {
        Map<String, Object> pod = hostPodShape(name, TENANT_NAMESPACE, container, podSpec);
        return admin.getKubernetesSerialization().convertValue(pod, Pod.class);
    }

    /** A pod with every escape at once: privileged, on the host's network, with the host's root mounted. */
    private static Map<String, Object> hostPod(String name, String namespace) {
        return hostPodShape(
                name,
                namespace,
                Map.of(
                        "securityContext",
                        Map.of("privileged", true),
                        "volumeMounts",
                        List.of(Map.of("name", "root", "mountPath", "/host"))),
                Map.of(
                        "hostNetwork",
                        true,
                        "volumes",
                        List.of(Map.of("name", "root", "hostPath", Map.of("path", "/")))));
    }

    private static Map<String, Object> hostPodShape(
            String name, String namespace, Map<String, Object> container, Map<String, Object> podSpec) {
        Map<String, Object> containerSpec = new LinkedHashMap<>(Map.of("name", "main", "image", "busybox:1.36"));
        containerSpec.putAll(container);
        Map<String, Object> spec = new LinkedHashMap<>(Map.of("containers", List.of(containerSpec)));
        spec.putAll(podSpec);
        Map<String, Object> pod = object("v1", "Pod", name, namespace);
        pod.put("spec", spec);
        return pod;
    }

    private static Map<String, Object> object(String apiVersion, String kind, String name, String namespace) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        if (namespace != null) {
            metadata.put("namespace", namespace);
        }
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("apiVersion", apiVersion);
        object.put("kind", kind);
        object.put("metadata", metadata);
        return object;
    }

    private static void helmRepository(String name, String url) {
        admin.resource(new GenericKubernetesResourceBuilder()
                        .withApiVersion("source.toolkit.fluxcd.io/v1")
                        .withKind("HelmRepository")
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace(sources)
                        .endMetadata()
                        .addToAdditionalProperties("spec", Map.of("url", url, "interval", "1m"))
                        .build())
                .create();
    }

    /** The shape apps-catalog writes (HelmReleaseFor), with {@code serviceAccountName} when given. */
    private static void createRelease(String name, String chart, String serviceAccount, Map<String, Object> values) {
        createRelease(name, chart, serviceAccount, values, Map.of());
    }

    private static void createRelease(
            String name, String chart, String serviceAccount, Map<String, Object> values, Map<String, Object> install) {
        Map<String, Object> retry = Map.of("strategy", Map.of("name", "RetryOnFailure", "retryInterval", "2m"));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("interval", "5m");
        spec.put("timeout", "1m");
        spec.put("releaseName", name);
        if (serviceAccount != null) {
            spec.put("serviceAccountName", serviceAccount);
        }
        spec.put(
                "chart",
                Map.of(
                        "spec",
                        Map.of(
                                "chart",
                                chart,
                                "version",
                                "0.1.0",
                                "reconcileStrategy",
                                "ChartVersion",
                                "sourceRef",
                                Map.of(
                                        "kind",
                                        "HelmRepository",
                                        "name",
                                        chartRepository(chart),
                                        "namespace",
                                        sources))));
        Map<String, Object> installSpec = new LinkedHashMap<>(retry);
        installSpec.putAll(install);
        spec.put("install", installSpec);
        spec.put("upgrade", retry);
        spec.put("values", values);
        admin.resource(new GenericKubernetesResourceBuilder()
                        .withApiVersion("helm.toolkit.fluxcd.io/v2")
                        .withKind("HelmRelease")
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace(TENANT_NAMESPACE)
                        .endMetadata()
                        .addToAdditionalProperties("spec", spec)
                        .build())
                .create();
    }

    private static String chartRepository(String chart) {
        return "escape".equals(chart) ? "escape" : "hearth-apps";
    }

    private static void awaitReady(String name) {
        awaitRelease(
                name,
                ready -> assertThat(ready).as("Ready condition").isNotNull().containsEntry("status", "True"));
    }

    /** Waits until the Ready condition of the release's current generation satisfies {@code expectation}. */
    private static void awaitRelease(String name, Consumer<Map<String, Object>> expectation) {
        try {
            await().atMost(RELEASE_TIMEOUT)
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> expectation.accept(readyCondition(name)));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("HelmRelease " + name + ": " + release(name) + "\n" + fluxLogs(), e);
        }
    }

    /** The release's Ready condition, once it is about the release's current generation. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> readyCondition(String name) {
        GenericKubernetesResource release = release(name);
        if (release == null
                || !(release.getAdditionalProperties().get("status") instanceof Map<?, ?> status)
                || !(status.get("conditions") instanceof List<?> conditions)) {
            return null;
        }
        long generation = release.getMetadata().getGeneration();
        return conditions.stream()
                .map(c -> (Map<String, Object>) c)
                .filter(c -> "Ready".equals(c.get("type")))
                .filter(c ->
                        c.get("observedGeneration") instanceof Number observed && observed.longValue() == generation)
                .findFirst()
                .orElse(null);
    }

    private static GenericKubernetesResource release(String name) {
        return admin.genericKubernetesResources(HELM_RELEASE)
                .inNamespace(TENANT_NAMESPACE)
                .withName(name)
                .get();
    }

    private static String fluxLogs() {
        StringBuilder out = new StringBuilder();
        for (FluxControllers.Controller c : TestKubernetes.shared().flux().controllers()) {
            out.append("--- ")
                    .append(c.name())
                    .append('\n')
                    .append(FluxControllers.tail(c.log()))
                    .append('\n');
        }
        return out.toString();
    }
}
