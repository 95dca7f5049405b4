package dev.hearth.catalog.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.marcnuri.helm.Helm;

import dev.hearth.core.testing.TestKubernetes;
import dev.hearth.core.testing.TestPaths;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Every app chart renders with its defaults and with its maximal example ({@code ci/max-values.yaml}), and the real
 * API server, with the upstream CRDs installed, accepts every rendered object (server-side dry run).
 */
class AppChartsTest {
    private static KubernetesClient client;
    private static String namespace;

    @BeforeAll
    static void apiServer() throws IOException {
        TestKubernetes kubernetes = TestKubernetes.shared().withUpstreamCrds("postgresql.cnpg.io", "databases.spotahome.com");
        client = kubernetes.client();
        namespace = kubernetes.newNamespace("charts");
        // Helm renders lookup() (existing passwords) against the cluster of $KUBECONFIG, which the build points here
        Path kubeconfig = Path.of(System.getenv("KUBECONFIG"));
        Files.createDirectories(kubeconfig.getParent());
        Files.copy(kubernetes.kubeconfig(), kubeconfig, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
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
            GenericKubernetesResource accepted = client.resource(object).dryRun().create();
            assertThat(accepted.getMetadata().getName()).isEqualTo(object.getMetadata().getName());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chartNames")
    void helmRefusesValuesOutsideTheSchema(String chart) {
        assertThatThrownBy(() -> Helm.template(charts().resolve(chart).toString()).withName(chart + "-bad").set("replicas", "many").call())
                .hasMessageContaining("replicas");
    }

    @org.junit.jupiter.api.Test
    void aGeneratedPasswordIsKeptOnTheNextRenderOnceStored() {
        GenericKubernetesResource first = secret(render("redis", null), "redis-main-auth");
        assertThat(password(first)).hasSize(32);
        client.resource(first).create();

        GenericKubernetesResource second = secret(render("redis", null), "redis-main-auth");

        assertThat(password(second)).isEqualTo(password(first));
    }

    private static GenericKubernetesResource secret(List<GenericKubernetesResource> objects, String name) {
        GenericKubernetesResource secret = objects.stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst().orElseThrow();
        secret.getMetadata().setNamespace(namespace);
        return secret;
    }

    @SuppressWarnings("unchecked")
    private static String password(GenericKubernetesResource secret) {
        return (String) ((java.util.Map<String, Object>) secret.getAdditionalProperties().get("stringData")).get("password");
    }

    static Stream<String> chartNames() throws IOException {
        try (Stream<Path> charts = Files.list(charts())) {
            return charts.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    private static List<GenericKubernetesResource> render(String chart, Path values) {
        var template = new Helm(charts().resolve(chart)).template().withName(chart + "-main").withNamespace(namespace);
        if (values != null) {
            template = template.withValuesFile(values);
        }
        String manifest = template.call();
        List<GenericKubernetesResource> objects = new ArrayList<>();
        for (String document : manifest.split("(?m)^---\\s*$")) {
            if (document.lines().anyMatch(l -> l.startsWith("kind:"))) {
                objects.add(client.getKubernetesSerialization().unmarshal(document, GenericKubernetesResource.class));
            }
        }
        return objects;
    }

    private static Path charts() {
        return TestPaths.hearthCrds().resolve("../../apps").normalize();
    }
}
