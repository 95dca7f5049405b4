package dev.hearth.dashboard.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hearth.core.testing.KeycloakTestResource;
import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.core.testing.TestKeycloak;
import dev.hearth.core.testing.TestKubernetes;
import dev.hearth.dashboard.RealCatalog;
import dev.hearth.dashboard.RealTenants;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The console (dashboard-backend/console) in a real browser: {@code node console/e2e/console.e2e.mjs} drives Debian's
 * Chromium with playwright-core against this backend (which serves the built console at {@code /}), the real
 * Keycloak (authorization code + PKCE through its login page), the real API server, the real tenant-service
 * ({@link RealTenants}) and the real apps-catalog ({@link RealCatalog}: its built jar as its own process), so a Postgres can be ordered
 * through the form. No Flux runs: when the script asks, the test plays Flux and marks the Postgres' HelmRelease ready,
 * which apps-catalog mirrors onto the instance and the console shows live. Screenshots go to
 * {@code target/console-screenshots/}, the script's figures to {@code target/console-e2e.json}.
 */
@QuarkusTest
@QuarkusTestResource(
        value = KubeApiServerTestResource.class,
        initArgs = {
            @ResourceArg(name = "controllerManager", value = "true"),
            @ResourceArg(name = "upstreamCrds", value = "helm.toolkit.fluxcd.io,source.toolkit.fluxcd.io")
        })
@QuarkusTestResource(KeycloakTestResource.class)
class ConsoleIT {
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static KubernetesClient admin;

    @TestHTTPResource("/")
    URL console;

    @BeforeAll
    static void platform() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("No Chromium at " + CHROMIUM + ": ConsoleIT drives Debian's browser;"
                    + " install it with `apt-get install -y chromium` (.ci/run does), or point CHROMIUM at one");
        }
        if (!Files.isDirectory(Path.of("console/node_modules/playwright-core"))) {
            throw new IllegalStateException("No console/node_modules: the Maven build runs `npm ci` in"
                    + " dashboard-backend/console (not with -Dconsole.skip=true)");
        }
        // the real tenant-service (RealTenants) and apps-catalog (RealCatalog: Postgres and every built-in kind served)
        RealCatalog.ensure();
        admin = TestKubernetes.shared().client();

        // what the pages show beside the Postgres the admin orders: a disk a viewer looks at, a cluster and a VM,
        // and 200 disks in bar for the list's render time
        create(RealTenants.FOO, "vmdisks", "shared-disk", Map.of("source", Map.of("blank", Map.of()), "size", "1Gi"));
        create(
                RealTenants.FOO,
                "kuberneteses",
                "dev",
                Map.of(
                        "nodeGroups",
                        Map.of("md0", Map.of("minReplicas", 1, "maxReplicas", 3, "instanceType", "u1.medium"))));
        create(
                RealTenants.FOO,
                "vminstances",
                "vm-1",
                Map.of("runStrategy", "Always", "disks", List.of(Map.of("name", "shared-disk"))));
        for (int i = 0; i < 200; i++) {
            create(
                    RealTenants.BAR,
                    "vmdisks",
                    String.format("disk-%03d", i),
                    Map.of("source", Map.of("blank", Map.of()), "size", "1Gi"));
        }
    }

    /**
     * Removes what the test and its scenarios made, so that the module's other ITs, which share {@link RealTenants}
     * in this JVM, find the tenants as they were (e.g. AppsIT lists bar's disks, TenantTreeIT counts foo's Services).
     */
    @AfterAll
    static void cleanUp() {
        if (admin == null) {
            return;
        }
        List<Runnable> deletions = new ArrayList<>();
        deletions.add(() -> delete(RealTenants.FOO, "vmdisks", "shared-disk"));
        deletions.add(() -> delete(RealTenants.FOO, "kuberneteses", "dev"));
        deletions.add(() -> delete(RealTenants.FOO, "vminstances", "vm-1"));
        deletions.add(() -> delete(RealTenants.FOO, "postgreses", "orders-db"));
        deletions.add(() -> delete(RealTenants.FOO, "tenants", "team"));
        for (int i = 0; i < 200; i++) {
            String name = String.format("disk-%03d", i);
            deletions.add(() -> delete(RealTenants.BAR, "vmdisks", name));
        }
        deletions.add(() -> admin.secrets()
                .inNamespace(RealTenants.FOO)
                .withName("postgres-orders-db-credentials")
                .delete());
        deletions.add(() -> admin.services()
                .inNamespace(RealTenants.FOO)
                .withName("postgres-orders-db-rw")
                .delete());
        deletions.forEach(Runnable::run);
        await().atMost(Duration.ofMinutes(2))
                .until(
                        () -> admin
                                        .genericKubernetesResources(context("vmdisks"))
                                        .inNamespace(RealTenants.BAR)
                                        .list()
                                        .getItems()
                                        .stream()
                                        .noneMatch(
                                                d -> d.getMetadata().getName().startsWith("disk-"))
                                && admin.genericKubernetesResources(context("tenants"))
                                                .inNamespace(RealTenants.FOO)
                                                .withName("team")
                                                .get()
                                        == null
                                && admin.namespaces()
                                                .withName(RealTenants.FOO + "-team")
                                                .get()
                                        == null);
    }

    @Test
    void theConsoleInARealBrowser() throws Exception {
        String origin = "http://127.0.0.1:" + console.getPort();
        TestKeycloak keycloak = TestKeycloak.shared();
        keycloak.addRedirectUri(TestKeycloak.DASHBOARD_CLIENT, origin + "/*");
        // the expiry scenario signs in with the 2-second tokens
        keycloak.addRedirectUri(TestKeycloak.SHORT_LIVED_CLIENT, origin + "/*");

        Path screenshots = Path.of("target/console-screenshots").toAbsolutePath();
        Files.createDirectories(screenshots);
        ProcessBuilder builder = new ProcessBuilder("node", "e2e/console.e2e.mjs")
                .directory(Path.of("console").toFile())
                .redirectErrorStream(true);
        builder.environment().put("CONSOLE_URL", origin + "/");
        builder.environment().put("PASSWORD", RealTenants.PASSWORD);
        builder.environment().put("SCREENSHOTS", screenshots.toString());
        builder.environment().put("CHROMIUM", CHROMIUM.toString());
        Instant started = Instant.now();
        Process node = builder.start();
        List<String> output = new ArrayList<>();
        JsonNode result = null;
        try (BufferedReader out =
                        new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
                Writer in = new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8)) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                System.out.println("[console e2e] " + line);
                output.add(line);
                if (line.startsWith("@@control ")) {
                    JsonNode request = JSON.readTree(line.substring("@@control ".length()));
                    String answer = handle(request, keycloak);
                    in.write("@@ok " + answer + "\n");
                    in.flush();
                } else if (line.startsWith("@@result ")) {
                    result = JSON.readTree(line.substring("@@result ".length()));
                }
            }
        }
        boolean exited = node.waitFor(1, TimeUnit.MINUTES);
        Duration took = Duration.between(started, Instant.now());
        System.out.printf("ConsoleIT: the browser run took %d s; figures %s%n", took.toSeconds(), result);
        assertThat(exited).as("the e2e script ended").isTrue();
        assertThat(node.exitValue())
                .as("the e2e script's scenarios (its output above):\n" + String.join("\n", output))
                .isZero();
    }

    /** A control request of the script: what only the test's own identity may do. */
    private static String handle(JsonNode request, TestKeycloak keycloak) {
        try {
            switch (request.path("cmd").asText()) {
                case "logout" -> keycloak.logoutUser(request.path("user").asText());
                case "postgres-ready" ->
                    postgresReady(
                            request.path("namespace").asText(),
                            request.path("name").asText());
                case "tenant-status" -> {
                    GenericKubernetesResource tenant = admin.genericKubernetesResources(context("tenants"))
                            .inNamespace(request.path("namespace").asText())
                            .withName(request.path("name").asText())
                            .get();
                    Object status = tenant == null
                            ? "none"
                            : tenant.getAdditionalProperties().get("status");
                    return JSON.writeValueAsString(Map.of("status", String.valueOf(status)));
                }
                default -> {
                    return "{\"error\":\"unknown command\"}";
                }
            }
            return "{}";
        } catch (RuntimeException | JsonProcessingException e) {
            System.out.println("[console e2e] control request " + request + " failed: " + e);
            return "{\"error\":" + JSON.valueToTree(String.valueOf(e.getMessage())) + "}";
        }
    }

    /**
     * Plays Flux: the instance's HelmRelease (apps-catalog's, {@code postgres-<name>}) becomes Ready, and what the
     * chart would install appears: the credentials Secret and the read-write Service its definition exposes.
     */
    private static void postgresReady(String namespace, String name) {
        admin.secrets()
                .inNamespace(namespace)
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("postgres-" + name + "-credentials")
                        .endMetadata()
                        .addToStringData("username", "app")
                        .addToStringData("password", "console-pa55")
                        .build())
                .create();
        admin.services()
                .inNamespace(namespace)
                .resource(new ServiceBuilder()
                        .withNewMetadata()
                        .withName("postgres-" + name + "-rw")
                        .endMetadata()
                        .withNewSpec()
                        .addNewPort()
                        .withName("postgres")
                        .withPort(5432)
                        .endPort()
                        .endSpec()
                        .build())
                .create();
        GenericKubernetesResource release = await().atMost(Duration.ofMinutes(1))
                .until(
                        () -> admin.genericKubernetesResources("helm.toolkit.fluxcd.io/v2", "HelmRelease")
                                .inNamespace(namespace)
                                .withName("postgres-" + name)
                                .get(),
                        r -> r != null);
        long generation = release.getMetadata().getGeneration();
        release.setAdditionalProperty(
                "status",
                Map.of(
                        "observedGeneration",
                        generation,
                        "lastAttemptedRevision",
                        "0.1.0",
                        "conditions",
                        List.of(Map.of(
                                "type",
                                "Ready",
                                "status",
                                "True",
                                "reason",
                                "InstallSucceeded",
                                "message",
                                "Helm install succeeded (played by ConsoleIT)",
                                "observedGeneration",
                                generation,
                                "lastTransitionTime",
                                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()))));
        admin.resource(release).updateStatus();
    }

    private static ResourceDefinitionContext context(String plural) {
        return new ResourceDefinitionContext.Builder()
                .withGroup("apps.hearth.dev")
                .withVersion("v1alpha1")
                .withPlural(plural)
                .withNamespaced(true)
                .build();
    }

    private static void delete(String namespace, String plural, String name) {
        admin.genericKubernetesResources(context(plural))
                .inNamespace(namespace)
                .withName(name)
                .delete();
    }

    private static void create(String namespace, String plural, String name, Map<String, Object> spec) {
        ResourceDefinitionContext context = context(plural);
        GenericKubernetesResource object = new GenericKubernetesResource();
        object.setApiVersion("apps.hearth.dev/v1alpha1");
        object.setKind(kindOf(plural));
        object.setMetadata(
                new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        object.setAdditionalProperty("spec", spec);
        admin.genericKubernetesResources(context)
                .inNamespace(namespace)
                .resource(object)
                .create();
    }

    private static String kindOf(String plural) {
        return switch (plural) {
            case "vmdisks" -> "VMDisk";
            case "vminstances" -> "VMInstance";
            case "kuberneteses" -> "Kubernetes";
            default -> throw new IllegalArgumentException(plural);
        };
    }
}
