package dev.hearth.catalog.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.marcnuri.helm.Helm;

import dev.hearth.core.testing.TestKubernetes;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.FieldValidateable.Validation;

/**
 * Every app chart renders with its defaults and with its maximal example ({@code ci/max-values.yaml}), and the real
 * API server, with the upstream CRDs installed, accepts every rendered object (server-side dry run, strict field
 * validation).
 */
class AppChartsIT {
    private static KubernetesClient client;
    private static String namespace;

    @BeforeAll
    static void apiServer() throws IOException {
        TestKubernetes kubernetes = TestKubernetes.shared()
                .withUpstreamCrds(
                        "postgresql.cnpg.io",
                        "databases.spotahome.com",
                        "k8s.mariadb.com",
                        "rabbitmq.com",
                        "kafka.strimzi.io",
                        "clickhouse.altinity.com",
                        "clickhouse-keeper.altinity.com",
                        "cert-manager.io",
                        "etcd-operator.cozystack.io",
                        "kamaji.clastix.io",
                        "helm.toolkit.fluxcd.io",
                        "source.toolkit.fluxcd.io");
        client = kubernetes.client();
        namespace = kubernetes.newNamespace("charts");
        // Helm renders lookup() (a stored password) against the cluster of $KUBECONFIG
        kubernetes.copyKubeconfigToEnvironmentFile();
    }

    static Stream<Arguments> renderings() throws IOException {
        List<Arguments> renderings = new ArrayList<>();
        try (Stream<Path> charts = Files.list(charts())) {
            for (Path chart : charts.filter(Files::isDirectory).sorted().toList()) {
                renderings.add(Arguments.of(chart.getFileName().toString(), null));
                Path max = chart.resolve("ci/max-values.yaml");
                assertThat(max).as("every chart has a maximal example").exists();
                renderings.add(Arguments.of(chart.getFileName().toString(), max));
            }
        }
        return renderings.stream();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("renderings")
    void rendersObjectsTheApiServerAccepts(String chart, Path values) {
        List<GenericKubernetesResource> objects = render(chart, values);

        assertThat(objects).isNotEmpty();
        for (GenericKubernetesResource object : objects) {
            object.getMetadata().setNamespace(namespace);
            GenericKubernetesResource accepted =
                    // strict: a field the CRD does not know is refused, not silently pruned
                    client.resource(object)
                            .dryRun()
                            .fieldValidation(Validation.STRICT)
                            .create();
            assertThat(accepted.getMetadata().getName())
                    .isEqualTo(object.getMetadata().getName());
        }
    }

    /** The Hearth-written stand-in CRDs (tools/upstream-crds/standins) refuse what their kinds do not have. */
    @org.junit.jupiter.api.Test
    void standInCrdsRefuseFieldsTheKindDoesNotHave() {
        GenericKubernetesResource misspelt = new io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder()
                .withApiVersion("etcd-operator.cozystack.io/v1alpha2")
                .withKind("EtcdCluster")
                .withNewMetadata()
                .withName("misspelt")
                .withNamespace(namespace)
                .endMetadata()
                .addToAdditionalProperties("spec", Map.of("replicas", 3, "storage", Map.of("sise", "1Gi")))
                .build();
        assertThatThrownBy(() -> client.resource(misspelt)
                        .dryRun()
                        .fieldValidation(Validation.STRICT)
                        .create())
                .hasMessageContaining("unknown field \"spec.storage.sise\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chartNames")
    void helmRefusesValuesOutsideTheSchema(String chart) throws IOException {
        String key = nonStringKey(chart);
        assertThatThrownBy(() -> Helm.template(charts().resolve(chart).toString())
                        .withName(chart + "-bad")
                        .set(key, "many")
                        .call())
                .hasMessageContaining(key.substring(key.lastIndexOf('.') + 1));
    }

    /**
     * A key of the chart's schema that must not hold a string: {@code replicas} when the chart has it, else the first
     * integer found in its nested objects (e.g. {@code kafka.replicas}), else the first top-level non-string property.
     */
    @SuppressWarnings("unchecked")
    private static String nonStringKey(String chart) throws IOException {
        Map<String, Object> schema = client.getKubernetesSerialization()
                .unmarshal(Files.readString(charts().resolve(chart).resolve("values.schema.json")), Map.class);
        Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
        assertThat(properties).as(chart + " has a schema with properties").isNotEmpty();
        if (properties.containsKey("replicas")) {
            assertThat(((Map<String, Object>) properties.get("replicas")).get("type"))
                    .isEqualTo("integer");
            return "replicas";
        }
        String nested = firstInteger(properties, "");
        if (nested != null) {
            return nested;
        }
        return properties.entrySet().stream()
                .filter(e -> !"string".equals(((Map<String, Object>) e.getValue()).get("type")))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new AssertionError(chart + " has only string values"));
    }

    @SuppressWarnings("unchecked")
    private static String firstInteger(Map<String, Object> properties, String prefix) {
        for (Map.Entry<String, Object> entry : properties.entrySet()) {
            Map<String, Object> property = (Map<String, Object>) entry.getValue();
            if ("integer".equals(property.get("type"))) {
                return prefix + entry.getKey();
            }
            if (property.get("properties") instanceof Map<?, ?> children) {
                String found = firstInteger((Map<String, Object>) children, prefix + entry.getKey() + ".");
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    @org.junit.jupiter.api.Test
    void aGeneratedPasswordIsKeptOnTheNextRenderOnceStored() {
        GenericKubernetesResource first = secret(render("redis", null), "redis-main-auth");
        assertThat(password(first)).hasSize(32);
        client.resource(first).create();

        GenericKubernetesResource second = secret(render("redis", null), "redis-main-auth");

        assertThat(password(second)).isEqualTo(password(first));
    }

    @org.junit.jupiter.api.Test
    @SuppressWarnings("unchecked")
    void clickHouseKeepsTheHashesOfThePasswordsItsCredentialsSecretHands() throws Exception {
        List<GenericKubernetesResource> objects =
                render("clickhouse", charts().resolve("clickhouse/ci/max-values.yaml"));
        Map<String, Object> credentials = (Map<String, Object>) secret(objects, "clickhouse-main-credentials")
                .getAdditionalProperties()
                .get("stringData");
        Map<String, Object> spec = (Map<String, Object>) objects.stream()
                .filter(o -> "ClickHouseInstallation".equals(o.getKind()))
                .findFirst()
                .orElseThrow()
                .getAdditionalProperties()
                .get("spec");
        Map<String, Object> users =
                (Map<String, Object>) ((Map<String, Object>) spec.get("configuration")).get("users");

        for (String user : List.of("app", "analyst", "etl")) {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(((String) credentials.get(user)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(users.get(user + "/password_sha256_hex"))
                    .as(user)
                    .isEqualTo(java.util.HexFormat.of().formatHex(hash));
        }
        assertThat(credentials.get("app")).isEqualTo("s3cret");
    }

    /**
     * The etcd module renders no Kamaji DataStore (cluster-scoped, which the release account may not create):
     * tenant-service writes it (dev.hearth.tenant.modules.DataStoreFor). The chart still issues the client
     * certificate that DataStore names, {@code <release>-client-tls}.
     */
    @org.junit.jupiter.api.Test
    void theEtcdModuleRendersNoDataStoreButTheClientCertificateTheDataStoreNames() {
        List<GenericKubernetesResource> objects = render("etcd", null);

        assertThat(objects).noneSatisfy(o -> assertThat(o.getKind()).isEqualTo("DataStore"));
        // the client certificate Kamaji presents comes from the CA the EtcdCluster's certificates come from
        assertThat(objects).anySatisfy(o -> {
            assertThat(o.getKind()).isEqualTo("Certificate");
            assertThat(o.getMetadata().getName()).isEqualTo("etcd-main-client");
            @SuppressWarnings("unchecked")
            Map<String, Object> spec =
                    (Map<String, Object>) o.getAdditionalProperties().get("spec");
            assertThat(spec).containsEntry("secretName", "etcd-main-client-tls");
        });
    }

    /**
     * The pod labels tenant-service's NetworkPolicies select on (docs/tenant-service.md, "Network policies"), at the
     * field each operator or upstream chart turns into pod labels: {@code <chart>, <values>, <kind>, <name suffix>,
     * <path to the labels>, <labels>}.
     */
    @ParameterizedTest(name = "{0} with {1}: {2} {4}")
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            value = {
                "etcd        | defaults | EtcdCluster             | -main        | spec.additionalMetadata.labels | hearth.dev/service=etcd",
                "ingress     | defaults | HelmRelease             | -main-system | spec.values.controller.podLabels | hearth.dev/service=ingress,hearth.dev/exposed=true",
                "monitoring  | defaults | HelmRelease             | -main-vm-shortterm | spec.values.vminsert.podLabels | hearth.dev/service=monitoring",
                "monitoring  | defaults | HelmRelease             | -main-vm-longterm | spec.values.vmselect.podLabels | hearth.dev/service=monitoring",
                "monitoring  | defaults | HelmRelease             | -main-vl-generic | spec.values.server.podLabels   | hearth.dev/service=monitoring",
                "seaweedfs   | defaults | HelmRelease             | -main-system | spec.values.filer.podLabels    | hearth.dev/service=seaweedfs",
                "seaweedfs   | defaults | HelmRelease             | -main-system | spec.values.s3.podLabels       | hearth.dev/service=seaweedfs",
                "redis       | external | RedisFailover           | -main        | metadata.labels                | hearth.dev/exposed=true",
                "postgres    | external | Cluster                 | -main        | spec.inheritedMetadata.labels  | hearth.dev/exposed=true",
                "mariadb     | external | MariaDB                 | -main        | spec.podMetadata.labels        | hearth.dev/exposed=true",
                "rabbitmq    | external | RabbitmqCluster         | -main        | spec.override.statefulSet.spec.template.metadata.labels | hearth.dev/exposed=true",
                "clickhouse  | external | ClickHouseInstallation  | -main        | spec.templates.podTemplates.0.metadata.labels | hearth.dev/exposed=true",
                "httpcache   | external | Deployment              | -main-haproxy | spec.template.metadata.labels | hearth.dev/exposed=true",
                "tcpbalancer | external | Deployment              | -main-haproxy | spec.template.metadata.labels | hearth.dev/exposed=true",
                "nats        | external | HelmRelease             | -main-system | spec.values.podTemplate.merge.metadata.labels | hearth.dev/exposed=true",
                "kafka       | external | Kafka                   | -main        | spec.kafka.template.pod.metadata.labels | hearth.dev/exposed=true",
            })
    void podsCarryTheLabelsTheNetworkPoliciesSelect(
            String chart, String values, String kind, String suffix, String path, String labels) {
        List<GenericKubernetesResource> objects = values.equals("external")
                ? render(chart, null, Map.of("external", "true"))
                : render(chart, null, Map.of());
        GenericKubernetesResource object = objects.stream()
                .filter(o ->
                        kind.equals(o.getKind()) && o.getMetadata().getName().equals(chart + suffix))
                .findFirst()
                .orElseThrow(() -> new AssertionError(chart + " renders no " + kind + " " + chart + suffix));
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        for (String label : labels.split(",")) {
            expected.put(label.substring(0, label.indexOf('=')), label.substring(label.indexOf('=') + 1));
        }

        assertThat(at(object, path)).as(path).containsAllEntriesOf(expected);
        if (values.equals("external")) {
            GenericKubernetesResource internal = render(chart, null, Map.of()).stream()
                    .filter(o -> kind.equals(o.getKind())
                            && o.getMetadata()
                                    .getName()
                                    .equals(object.getMetadata().getName()))
                    .findFirst()
                    .orElseThrow();
            assertThat(at(internal, path)).as("without external, " + path).doesNotContainKey("hearth.dev/exposed");
        }
    }

    /** The map at a dotted path of an object (a number steps into a list); empty when the path is absent. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> at(GenericKubernetesResource object, String path) {
        Object node = client.getKubernetesSerialization().convertValue(object, Map.class);
        for (String step : path.split("\\.")) {
            if (node instanceof List<?> list) {
                node = list.get(Integer.parseInt(step));
            } else if (node instanceof Map<?, ?> map) {
                node = map.get(step);
            }
            if (node == null) {
                return Map.of();
            }
        }
        return (Map<String, Object>) node;
    }

    private static GenericKubernetesResource secret(List<GenericKubernetesResource> objects, String name) {
        GenericKubernetesResource secret = objects.stream()
                .filter(o -> name.equals(o.getMetadata().getName()))
                .findFirst()
                .orElseThrow();
        secret.getMetadata().setNamespace(namespace);
        return secret;
    }

    @SuppressWarnings("unchecked")
    private static String password(GenericKubernetesResource secret) {
        return (String) ((java.util.Map<String, Object>)
                        secret.getAdditionalProperties().get("stringData"))
                .get("password");
    }

    static Stream<String> chartNames() throws IOException {
        try (Stream<Path> charts = Files.list(charts())) {
            return charts.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    private static List<GenericKubernetesResource> render(String chart, Path values) {
        return render(chart, values, Map.of());
    }

    private static List<GenericKubernetesResource> render(String chart, Path values, Map<String, String> set) {
        return ChartRender.render(client.getKubernetesSerialization(), chart, chart + "-main", namespace, values, set);
    }

    private static Path charts() {
        return ChartRender.charts();
    }
}
