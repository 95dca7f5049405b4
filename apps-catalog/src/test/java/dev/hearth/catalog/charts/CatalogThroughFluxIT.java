package dev.hearth.catalog.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.hearth.catalog.CatalogTenant;
import dev.hearth.catalog.definition.BuiltInDefinitions;
import dev.hearth.core.api.ApiGroups;
import dev.hearth.core.api.catalog.ApplicationDefinition;
import dev.hearth.core.tenant.ReleaseServiceAccount;
import dev.hearth.core.testing.PlayedCloud;
import dev.hearth.core.testing.TestKubernetes;
import dev.hearth.core.testing.TestPaths;
import dev.hearth.core.upstream.Flux;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * apps-catalog with real Flux: source-controller reads Hearth's chart repository through the HelmRepository that
 * apps-catalog itself writes, helm-controller installs what apps-catalog writes, and the instance's status mirrors
 * the real HelmRelease, and what Helm recorded of each release (values, manifest) is live. helm-controller acts as each namespace's {@link ReleaseServiceAccount}, as in production.
 * kube-controller-manager runs the workload controllers and {@link PlayedCloud} plays the kubelets and the cloud (no
 * pod runs: the tests check objects).
 */
@QuarkusTest
@QuarkusTestResource(ProductionFlux.class)
@QuarkusTestResource(AppChartsServed.class)
@SuppressWarnings("unchecked")
class CatalogThroughFluxIT {
    private static final Duration INSTALL = Duration.ofMinutes(3);
    private static final ResourceDefinitionContext HELM_RELEASE =
            ResourceDefinitionContext.fromResourceType(Flux.HelmRelease.class);
    private static KubernetesClient client;

    @BeforeAll
    static void chartSourceReady() {
        client = TestKubernetes.shared().client();
        await("HelmRepository " + BuiltInDefinitions.CHART_REPOSITORY
                        + " written by apps-catalog and fetched by source-controller")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> "True"
                        .equals(ready(client.resources(Flux.HelmRepository.class)
                                        .inNamespace(BuiltInDefinitions.CHART_REPOSITORY_NAMESPACE)
                                        .withName(BuiltInDefinitions.CHART_REPOSITORY)
                                        .get())
                                .get("status")));
    }

    /** Every charted catalog kind, with its chart's defaults and with its maximal example. */
    static Stream<Arguments> kinds() {
        List<Arguments> kinds = new ArrayList<>();
        for (ApplicationDefinition definition :
                BuiltInDefinitions.load(new io.fabric8.kubernetes.client.utils.KubernetesSerialization())) {
            if (definition.getSpec().managedBy == null) {
                kinds.add(Arguments.of(definition.getSpec().application.kind, "defaults", definition));
                kinds.add(Arguments.of(definition.getSpec().application.kind, "max-values", definition));
            }
        }
        return kinds.stream();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("kinds")
    void anInstanceIsInstalledByHelmControllerAndItsChartsObjectsExist(
            String kind, String values, ApplicationDefinition definition) throws IOException {
        String namespace = CatalogTenant.create(client, "fx");
        String chart = definition.getSpec().release.chart.name;
        Map<String, Object> spec = values.equals("defaults") ? Map.of() : maxValues(chart);

        client.resource(instance(definition, namespace, "main", spec)).create();

        String releaseName = definition.getSpec().release.prefix + "main";
        GenericKubernetesResource release = awaitInstalled(definition, namespace, releaseName);
        List<GenericKubernetesResource> nested =
                HelmReleaseRecord.latest(client, namespace, releaseName).objects().stream()
                        .filter(o -> Flux.HelmRelease.class.getSimpleName().equals(o.getKind()))
                        .toList();
        if (nested.isEmpty()) {
            GenericKubernetesResource instance = awaitReady(definition, namespace, "main");
            assertThat(ready(instance).get("reason")).isEqualTo(ready(release).get("reason"));
        } else {
            // the upstream chart cannot be fetched here: the instance names each nested release with Flux's message
            Map<String, Object> notReady = awaitNestedNotReady(definition, namespace, "main", nested);
            assertThat(notReady.get("status")).isEqualTo("False");
        }

        // Helm was given the values apps-catalog wrote (the instance's spec and its tenant's facts), and every object
        // of the manifest it recorded exists as rendered
        Map<String, Object> given = (Map<String, Object>) ((Map<String, Object>) release.get("spec")).get("values");
        HelmReleaseRecord record = HelmReleaseRecord.latest(
                client, namespace, (String) ((Map<String, Object>) release.get("spec")).get("releaseName"));
        assertContains("values", spec, given);
        assertContains("Helm's values", given, record.config());
        List<GenericKubernetesResource> rendered = record.objects();
        assertThat(rendered).isNotEmpty();
        for (GenericKubernetesResource expected : rendered) {
            if (expected.getMetadata().getNamespace() == null && namespaced(expected)) {
                expected.getMetadata().setNamespace(namespace);
            }
            GenericKubernetesResource live = client.resource(expected).get();
            assertThat(live)
                    .as(expected.getKind() + " " + expected.getMetadata().getName())
                    .isNotNull();
            if (!"Secret".equals(expected.getKind())) {
                assertThat(live.getAdditionalProperties().get("spec"))
                        .as("spec of " + expected.getKind() + " "
                                + expected.getMetadata().getName())
                        .satisfies(s -> assertContains(
                                expected.getKind() + ".spec",
                                expected.getAdditionalProperties().get("spec"),
                                s));
            }
        }
    }

    /** The app examples the README points at ({@code docs/examples/apps}) are installed and turn Ready=True. */
    @Test
    void theDocumentedAppExamplesBecomeReady() throws IOException {
        String namespace = CatalogTenant.create(client, "ex");
        List<Path> examples;
        try (Stream<Path> files = Files.list(TestPaths.examples().resolve("apps"))) {
            examples =
                    files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(examples).isNotEmpty();
        for (Path example : examples) {
            GenericKubernetesResource app = client.getKubernetesSerialization().unmarshal(Files.readString(example));
            ApplicationDefinition definition = definitionOfKind(app.getKind());
            client.resource(instance(definition, namespace, app.getMetadata().getName(), (Map<String, Object>)
                            app.getAdditionalProperties().get("spec")))
                    .create();
        }
        for (Path example : examples) {
            GenericKubernetesResource app = client.getKubernetesSerialization().unmarshal(Files.readString(example));
            awaitReady(
                    definitionOfKind(app.getKind()),
                    namespace,
                    app.getMetadata().getName());
        }
    }

    /**
     * The Ingress module's chart renders a HelmRelease of the upstream ingress-nginx chart, whose repository cannot be
     * fetched here: the instance's own release is installed, and the instance is not Ready, naming the nested release
     * and quoting Flux's message about it (source-controller's fetch failure, as helm-controller relays it).
     */
    @Test
    void aNestedReleaseThatCannotBeFetchedKeepsTheInstanceNotReadyWithFluxsMessage() {
        ApplicationDefinition ingress = definition("ingress");
        String namespace = CatalogTenant.create(client, "nest");
        client.resource(instance(ingress, namespace, "edge", Map.of())).create();

        String outer = ingress.getSpec().release.prefix + "edge";
        GenericKubernetesResource release = awaitInstalled(ingress, namespace, outer);
        GenericKubernetesResource nested = helmRelease(namespace, outer + "-system");
        assertThat(nested).as("the nested HelmRelease Helm installed").isNotNull();
        assertThat(nested.getMetadata().getAnnotations())
                .containsEntry("meta.helm.sh/release-name", outer)
                .containsEntry("meta.helm.sh/release-namespace", namespace);

        // first helm-controller says the HelmChart is not reconciled yet, then relays source-controller's failure
        Map<String, Object> condition = await("source-controller's failure on the instance")
                .atMost(INSTALL)
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> awaitNestedNotReady(ingress, namespace, "edge", List.of(nested)),
                        c -> !((String) c.get("message")).contains("has not been reconciled"));
        assertThat(condition.get("status")).isEqualTo("False");
        assertThat((String) condition.get("message"))
                .startsWith("HelmRelease " + outer + " is installed; the release its chart rendered is not Ready: "
                        + "HelmRelease " + outer + "-system is not Ready (")
                .contains(outer + "-upstream");
        assertThat(ready(release).get("status")).isEqualTo("True");

        // the nested release's own change reaches the instance: a Ready nested release (as if it had been fetched)
        // leaves the outer release's word
        GenericKubernetesResource live = helmRelease(namespace, outer + "-system");
        Map<String, Object> fetched = new LinkedHashMap<>();
        fetched.put("observedGeneration", live.getMetadata().getGeneration());
        fetched.put(
                "conditions",
                List.of(Map.of(
                        "type", "Ready",
                        "status", "True",
                        "reason", "InstallSucceeded",
                        "message", "played by the test",
                        "lastTransitionTime", "2026-01-01T00:00:00Z",
                        "observedGeneration", live.getMetadata().getGeneration())));
        client.genericKubernetesResources(HELM_RELEASE)
                .inNamespace(namespace)
                .withName(outer + "-system")
                .subresource("status")
                .patch(
                        PatchContext.of(PatchType.JSON_MERGE),
                        client.getKubernetesSerialization().asJson(Map.of("status", fetched)));
        // helm-controller rewrites the nested release's status on its next reconcile; the instance follows each change
        await("the instance follows its nested release")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> ready(instanceClient(ingress, namespace)
                                        .withName("edge")
                                        .get())
                                .get("reason"),
                        r -> "InstallSucceeded".equals(r));
    }

    /**
     * Install, upgrade of the values (Helm revision 2) and of the chart (revision 3), a failed install with Flux's own
     * message and its repair, and an uninstall.
     */
    @Test
    void theInstanceMirrorsItsReleaseThroughUpgradeFailureAndDeletion() {
        ApplicationDefinition redis = definition("redis");
        String namespace = CatalogTenant.create(client, "life");

        client.resource(instance(redis, namespace, "life", Map.of("replicas", 2)))
                .create();
        awaitReady(redis, namespace, "life");
        assertThat(client.secrets()
                        .inNamespace(namespace)
                        .withName("sh.helm.release.v1.redis-life.v1")
                        .get())
                .isNotNull();

        GenericKubernetesResource instance =
                instanceClient(redis, namespace).withName("life").get();
        ((Map<String, Object>) instance.get("spec")).put("replicas", 3);
        client.resource(instance).update();
        await("Helm revision 2")
                .atMost(INSTALL)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    PlayedCloud.settle(client, namespace);
                    return client.secrets()
                                    .inNamespace(namespace)
                                    .withName("sh.helm.release.v1.redis-life.v2")
                                    .get()
                            != null;
                });
        awaitReady(redis, namespace, "life");
        assertThat(failover(namespace, "redis-life").<Integer>get("spec", "redis", "replicas"))
                .isEqualTo(3);

        // a new chart version in the definition upgrades every instance of the kind: Helm revision 3 of chart 0.1.1
        setRedisChartVersion(AppChartsServed.NEXT_REDIS);
        try {
            await("Helm revision 3 of the next chart")
                    .atMost(INSTALL)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        PlayedCloud.settle(client, namespace);
                        HelmReleaseRecord record = HelmReleaseRecord.latest(client, namespace, "redis-life");
                        return record.revision() == 3 && record.chartVersion().equals(AppChartsServed.NEXT_REDIS);
                    });
            GenericKubernetesResource upgraded = awaitReady(redis, namespace, "life");
            assertThat(((Map<String, Object>) upgraded.get("status")).get("version"))
                    .isEqualTo(AppChartsServed.NEXT_REDIS);
        } finally {
            setRedisChartVersion(redis.getSpec().release.chart.version);
        }

        // a value the tenant's quota refuses (a LoadBalancer) fails the install: Flux's reason and message reach the
        // instance; changing the value installs it
        client.resource(new ResourceQuotaBuilder()
                        .withNewMetadata()
                        .withName("no-load-balancers")
                        .withNamespace(namespace)
                        .endMetadata()
                        .withNewSpec()
                        .addToHard("services.loadbalancers", new Quantity("0"))
                        .endSpec()
                        .build())
                .create();
        await("quota in force").atMost(Duration.ofMinutes(1)).until(() -> {
            var quota = client.resourceQuotas()
                    .inNamespace(namespace)
                    .withName("no-load-balancers")
                    .get();
            return quota.getStatus() != null && quota.getStatus().getHard() != null;
        });
        client.resource(instance(redis, namespace, "exposed", Map.of("external", true)))
                .create();
        Map<String, Object> failed = await("a failed install on the instance")
                .atMost(INSTALL)
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> ready(instanceClient(redis, namespace)
                                .withName("exposed")
                                .get()),
                        // before, Flux says Ready=False while it waits for the new release's chart (SourceNotReady)
                        c -> "InstallFailed".equals(c.get("reason")));
        assertThat(failed.get("status")).isEqualTo("False");
        assertThat((String) failed.get("message")).contains("exceeded quota").contains("services.loadbalancers");
        GenericKubernetesResource exposed =
                instanceClient(redis, namespace).withName("exposed").get();
        ((Map<String, Object>) exposed.get("spec")).put("external", false);
        client.resource(exposed).update();
        awaitReady(redis, namespace, "exposed");

        instanceClient(redis, namespace).withName("life").delete();
        await("uninstalled")
                .atMost(INSTALL)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> client.genericKubernetesResources(HELM_RELEASE)
                                .inNamespace(namespace)
                                .withName("redis-life")
                                .get()
                        == null);
        assertThat(failover(namespace, "redis-life"))
                .as("rendered objects uninstalled")
                .isNull();
        assertThat(client.secrets()
                        .inNamespace(namespace)
                        .withName("redis-life-auth")
                        .get())
                .isNull();
        assertThat(client.secrets()
                        .inNamespace(namespace)
                        .withLabel("name", "redis-life")
                        .withLabel("owner", "helm")
                        .list()
                        .getItems())
                .as("Helm's release records")
                .isEmpty();
    }

    private static void setRedisChartVersion(String version) {
        client.resources(ApplicationDefinition.class).withName("redis").edit(d -> {
            d.getSpec().release.chart.version = version;
            return d;
        });
    }

    private static GenericKubernetesResource awaitReady(
            ApplicationDefinition definition, String namespace, String name) {
        Callable<GenericKubernetesResource> instance = () -> {
            PlayedCloud.settle(client, namespace);
            return instanceClient(definition, namespace).withName(name).get();
        };
        try {
            return await(definition.getSpec().application.kind + " " + name + " Ready")
                    .atMost(INSTALL)
                    .pollInterval(Duration.ofMillis(500))
                    .until(instance, i -> "True".equals(ready(i).get("status")) && observed(i));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "not Ready: "
                            + client.getKubernetesSerialization()
                                    .asYaml(instanceClient(definition, namespace)
                                            .withName(name)
                                            .get())
                            + "\nits HelmRelease: "
                            + client.getKubernetesSerialization()
                                    .asYaml(helmRelease(namespace, definition.getSpec().release.prefix + name))
                            + "\n" + TestKubernetes.shared().flux().logTails(),
                    e);
        }
    }

    /** Waits until helm-controller installed the instance's own release ({@code Ready=True}) and returns it. */
    private static GenericKubernetesResource awaitInstalled(
            ApplicationDefinition definition, String namespace, String releaseName) {
        try {
            return await("HelmRelease " + releaseName + " installed")
                    .atMost(INSTALL)
                    .pollInterval(Duration.ofMillis(500))
                    .until(
                            () -> {
                                PlayedCloud.settle(client, namespace);
                                return helmRelease(namespace, releaseName);
                            },
                            r -> "True".equals(ready(r).get("status")));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "not installed: "
                            + client.getKubernetesSerialization().asYaml(helmRelease(namespace, releaseName))
                            + "\n" + TestKubernetes.shared().flux().logTails(),
                    e);
        }
    }

    /**
     * Waits until the instance says {@code NestedReleaseNotReady}, naming each of {@code nested} with the message Flux
     * has on it, and returns its Ready condition.
     */
    private static Map<String, Object> awaitNestedNotReady(
            ApplicationDefinition definition, String namespace, String name, List<GenericKubernetesResource> nested) {
        Callable<Map<String, Object>> condition = () -> {
            GenericKubernetesResource instance =
                    instanceClient(definition, namespace).withName(name).get();
            return observed(instance) ? ready(instance) : Map.of();
        };
        try {
            return await(definition.getSpec().application.kind + " " + name + " not Ready for its nested releases")
                    .atMost(INSTALL)
                    .pollInterval(Duration.ofMillis(500))
                    .until(condition, c -> {
                        if (!"NestedReleaseNotReady".equals(c.get("reason"))) {
                            return false;
                        }
                        String message = (String) c.get("message");
                        for (GenericKubernetesResource expected : nested) {
                            Map<String, Object> flux = ready(helmRelease(
                                    namespace, expected.getMetadata().getName()));
                            if (flux.get("message") == null
                                    || !message.contains("HelmRelease "
                                            + expected.getMetadata().getName() + " is not Ready (" + flux.get("reason")
                                            + "): " + flux.get("message"))) {
                                return false;
                            }
                        }
                        return true;
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "no NestedReleaseNotReady naming "
                            + nested.stream()
                                    .map(r -> r.getMetadata().getName())
                                    .toList()
                            + ": "
                            + client.getKubernetesSerialization()
                                    .asYaml(instanceClient(definition, namespace)
                                            .withName(name)
                                            .get())
                            + "\nnested: "
                            + nested.stream()
                                    .map(r -> client.getKubernetesSerialization()
                                            .asYaml(helmRelease(
                                                    namespace, r.getMetadata().getName())))
                                    .toList(),
                    e);
        }
    }

    private static boolean observed(GenericKubernetesResource instance) {
        if (!(instance.getAdditionalProperties().get("status") instanceof Map<?, ?> status)) {
            return false;
        }
        Object observed = status.get("observedGeneration");
        return observed != null
                && ((Number) observed).longValue() == instance.getMetadata().getGeneration();
    }

    /** Every leaf of {@code expected} is in {@code actual}, compared as text (the API server may add defaults). */
    private static void assertContains(String path, Object expected, Object actual) {
        if (expected instanceof Map<?, ?> expectedMap) {
            assertThat(actual).as(path).isInstanceOf(Map.class);
            expectedMap.forEach((k, v) -> assertContains(path + "." + k, v, ((Map<?, ?>) actual).get(k)));
        } else if (expected instanceof List<?> expectedList) {
            assertThat(actual).as(path).isInstanceOf(List.class);
            List<?> actualList = (List<?>) actual;
            assertThat(actualList).as(path).hasSize(expectedList.size());
            for (int i = 0; i < expectedList.size(); i++) {
                assertContains(path + "[" + i + "]", expectedList.get(i), actualList.get(i));
            }
        } else {
            assertThat(Objects.toString(actual, null)).as(path).isEqualTo(Objects.toString(expected, null));
        }
    }

    private static boolean namespaced(GenericKubernetesResource object) {
        String[] apiVersion = object.getApiVersion().split("/");
        String group = apiVersion.length == 2 ? apiVersion[0] : "";
        String version = apiVersion[apiVersion.length - 1];
        return client.getApiResources(group.isEmpty() ? version : group + "/" + version).getResources().stream()
                .filter(r -> r.getKind().equals(object.getKind()))
                .findFirst()
                .map(r -> Boolean.TRUE.equals(r.getNamespaced()))
                .orElse(true);
    }

    /** The chart's {@code ci/max-values.yaml} as an instance spec: {@code _namespace} is apps-catalog's to give. */
    private static Map<String, Object> maxValues(String chart) {
        try {
            Map<String, Object> values = new LinkedHashMap<>(client.getKubernetesSerialization()
                    .unmarshal(
                            Files.readString(ChartRender.charts().resolve(chart).resolve("ci/max-values.yaml")),
                            Map.class));
            values.remove("_namespace");
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ApplicationDefinition definitionOfKind(String kind) {
        return BuiltInDefinitions.load(client.getKubernetesSerialization()).stream()
                .filter(d -> d.getSpec().application.kind.equals(kind))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no catalog kind " + kind));
    }

    private static ApplicationDefinition definition(String name) {
        return BuiltInDefinitions.load(client.getKubernetesSerialization()).stream()
                .filter(d -> d.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static GenericKubernetesResource instance(
            ApplicationDefinition definition, String namespace, String name, Map<String, Object> spec) {
        await(definition.getSpec().application.kind + " served")
                .atMost(Duration.ofMinutes(1))
                .ignoreExceptions()
                .until(() -> instanceClient(definition, namespace).list() != null);
        return new GenericKubernetesResourceBuilder()
                .withApiVersion(ApiGroups.APPS + "/" + ApiGroups.VERSION)
                .withKind(definition.getSpec().application.kind)
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .endMetadata()
                .addToAdditionalProperties("spec", new LinkedHashMap<>(spec))
                .build();
    }

    private static io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<
                    GenericKubernetesResource,
                    io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
                    io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource>>
            instanceClient(ApplicationDefinition definition, String namespace) {
        return client.genericKubernetesResources(new ResourceDefinitionContext.Builder()
                        .withGroup(ApiGroups.APPS)
                        .withVersion(ApiGroups.VERSION)
                        .withKind(definition.getSpec().application.kind)
                        .withPlural(definition.getSpec().application.plural)
                        .withNamespaced(true)
                        .build())
                .inNamespace(namespace);
    }

    private static GenericKubernetesResource helmRelease(String namespace, String name) {
        return client.genericKubernetesResources(HELM_RELEASE)
                .inNamespace(namespace)
                .withName(name)
                .get();
    }

    private static GenericKubernetesResource failover(String namespace, String name) {
        return client.genericKubernetesResources("databases.spotahome.com/v1", "RedisFailover")
                .inNamespace(namespace)
                .withName(name)
                .get();
    }

    /** The Ready condition of a Hearth instance or a Flux object; empty while it has none. */
    private static Map<String, Object> ready(GenericKubernetesResource object) {
        if (object == null || !(object.getAdditionalProperties().get("status") instanceof Map<?, ?> status)) {
            return Map.of();
        }
        return ((List<Map<String, Object>>) ((Map<String, Object>) status).getOrDefault("conditions", List.of()))
                .stream().filter(c -> "Ready".equals(c.get("type"))).findFirst().orElse(Map.of());
    }
}
