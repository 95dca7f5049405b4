package dev.hearth.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A real Keycloak (the {@code keycloak-quarkus-dist} unpack of {@code scripts/keycloak.sh}) on a free loopback port,
 * once per test JVM ({@link #shared()}), with the realm Hearth ships ({@code deploy/keycloak/hearth-realm.json})
 * created through the admin REST API, users and groups made the same way, and real tokens.
 *
 * <p>Runs {@code kc.sh start-dev} with an in-memory database (nothing outlives the process, several JVMs may run at
 * once) under a Java 21+ (Keycloak 26's floor): {@code HEARTH_KEYCLOAK_JAVA_HOME}, else this JVM when it is 21+, else
 * the newest JDK in {@code /usr/lib/jvm}. The test variant of the realm differs from production in one way: the
 * direct-grant (resource-owner password) flow is switched on for its clients, so tests sign in without a browser; the
 * client {@value #SHORT_LIVED_CLIENT} is the dashboard client again with 2-second tokens, for expiry tests. A missing
 * unpack fails with a message naming the script; the test never skips. Logs go to {@code target/keycloak/<time>.log}.
 */
public final class TestKeycloak {
    public static final String REALM = "hearth";
    public static final String KUBERNETES_CLIENT = "kubernetes";
    public static final String DASHBOARD_CLIENT = "hearth-dashboard";
    /** Test only: the dashboard's audience, tokens valid for {@link #SHORT_LIFESPAN}. */
    public static final String SHORT_LIVED_CLIENT = "hearth-dashboard-short-lived";

    public static final Duration SHORT_LIFESPAN = Duration.ofSeconds(2);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(6);
    private static final String ADMIN = "admin";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestKeycloak shared;

    private final Process process;
    private final Path log;
    private final String baseUrl;
    private final Duration startup;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String adminPassword;

    private TestKeycloak(Process process, Path log, String baseUrl, String adminPassword, Duration startup) {
        this.process = process;
        this.log = log;
        this.baseUrl = baseUrl;
        this.adminPassword = adminPassword;
        this.startup = startup;
    }

    /** The Keycloak of this JVM, started (and the realm created) on first use, stopped by a shutdown hook. */
    public static synchronized TestKeycloak shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return shared;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The issuer of the realm's tokens: {@code <base>/realms/hearth}. */
    public String issuer() {
        return baseUrl + "/realms/" + REALM;
    }

    /** How long the start took, until ready with the realm created. */
    public Duration startup() {
        return startup;
    }

    /** Creates the group {@code name} (top level) unless it exists. */
    public synchronized void createGroup(String name) {
        HttpResponse<String> response =
                admin("POST", "/groups", JSON.createObjectNode().put("name", name));
        if (response.statusCode() != 201 && response.statusCode() != 409) {
            throw new IllegalStateException("Keycloak refused group " + name + ": " + describe(response));
        }
    }

    /** Deletes the group {@code name}: its members lose it in their next tokens. */
    public synchronized void deleteGroup(String name) {
        for (JsonNode group : json(admin("GET", "/groups?exact=true&search=" + encode(name), null))) {
            if (name.equals(group.path("name").asText())) {
                admin("DELETE", "/groups/" + group.path("id").asText(), null);
            }
        }
    }

    /** The names of the realm's top-level groups that start with {@code prefix}. */
    public synchronized List<String> groupNames(String prefix) {
        List<String> names = new ArrayList<>();
        for (JsonNode group : json(admin("GET", "/groups?max=1000&search=" + encode(prefix), null))) {
            String name = group.path("name").asText();
            if (name.startsWith(prefix)) {
                names.add(name);
            }
        }
        return names;
    }

    /** The secret Keycloak generated for the confidential client {@code clientId}. */
    public synchronized String clientSecret(String clientId) {
        JsonNode clients = json(admin("GET", "/clients?clientId=" + encode(clientId), null));
        if (clients.isEmpty()) {
            throw new IllegalStateException("The realm has no client " + clientId);
        }
        String id = clients.get(0).path("id").asText();
        return json(admin("GET", "/clients/" + id + "/client-secret", null))
                .path("value")
                .asText();
    }

    /**
     * Creates the user {@code username} with password {@code password} in {@code groups} (each created when missing).
     */
    public synchronized void createUser(String username, String password, String... groups) {
        for (String group : groups) {
            createGroup(group);
        }
        ObjectNode user = JSON.createObjectNode()
                .put("username", username)
                .put("enabled", true)
                .put("emailVerified", true)
                .put("email", username.replaceAll("[^a-zA-Z0-9.-]", "-") + "@example.org")
                .put("firstName", username)
                .put("lastName", "Test");
        user.putArray("credentials")
                .addObject()
                .put("type", "password")
                .put("value", password)
                .put("temporary", false);
        var paths = user.putArray("groups");
        for (String group : groups) {
            paths.add("/" + group);
        }
        HttpResponse<String> response = admin("POST", "/users", user);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Keycloak refused user " + username + ": " + describe(response));
        }
    }

    /**
     * Adds {@code uri} (e.g. {@code http://127.0.0.1:<port>/*}) to the redirect URIs of the client {@code clientId}: a
     * browser test signs in through the authorization code flow on the port its app was given. The client's web
     * origins ({@code +}) follow its redirect URIs, so its token endpoint answers that origin's CORS requests too.
     */
    public synchronized void addRedirectUri(String clientId, String uri) {
        JsonNode clients = json(admin("GET", "/clients?clientId=" + encode(clientId), null));
        if (clients.isEmpty()) {
            throw new IllegalStateException("The realm has no client " + clientId);
        }
        ObjectNode client = (ObjectNode) clients.get(0);
        var uris = client.withArray("redirectUris");
        for (JsonNode existing : uris) {
            if (uri.equals(existing.asText())) {
                return;
            }
        }
        uris.add(uri);
        HttpResponse<String> response =
                admin("PUT", "/clients/" + client.path("id").asText(), client);
        if (response.statusCode() != 204) {
            throw new IllegalStateException("Keycloak refused the redirect URI " + uri + ": " + describe(response));
        }
    }

    /** Ends every Keycloak session of {@code username}: its refresh tokens stop working, as after a sign-out elsewhere. */
    public synchronized void logoutUser(String username) {
        JsonNode users = json(admin("GET", "/users?exact=true&username=" + encode(username), null));
        if (users.isEmpty()) {
            throw new IllegalStateException("The realm has no user " + username);
        }
        HttpResponse<String> response =
                admin("POST", "/users/" + users.get(0).path("id").asText() + "/logout", null);
        if (response.statusCode() != 204) {
            throw new IllegalStateException("Keycloak did not log " + username + " out: " + describe(response));
        }
    }

    /** A real access token of {@code username} from {@code clientId}, through the direct grant of the test realm. */
    public String accessToken(String clientId, String username, String password) {
        return tokenResponse(clientId, username, password, "openid")
                .path("access_token")
                .asText();
    }

    /** The token endpoint's whole answer (access, refresh and ID token, their types), for {@code scope}. */
    public JsonNode tokenResponse(String clientId, String username, String password, String scope) {
        String form = form(Map.of(
                "grant_type", "password",
                "client_id", clientId,
                "username", username,
                "password", password,
                "scope", scope));
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "Keycloak gave no token to " + username + " via " + clientId + ": " + describe(response));
        }
        return json(response);
    }

    /** The claims of a JWT, decoded without checking it (for assertions). */
    public static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        try {
            return JSON.readTree(java.util.Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static TestKeycloak start() {
        Instant started = Instant.now();
        Path home = unpack();
        int port = LoopbackPorts.free();
        int managementPort = LoopbackPorts.free();
        String adminPassword = UUID.randomUUID().toString();
        Path log = Path.of(
                        "target",
                        "keycloak",
                        LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".log")
                .toAbsolutePath();
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(
                            home.resolve("bin/kc.sh").toString(),
                            "start-dev",
                            "--http-host=127.0.0.1",
                            "--http-port=" + port,
                            "--http-management-port=" + managementPort,
                            "--health-enabled=true",
                            // build options as scripts/keycloak.sh's first start left them: no re-augmentation
                            "--db=dev-mem")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", javaHome().toString());
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
            builder.environment().putIfAbsent("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            Process process = builder.start();
            String base = "http://127.0.0.1:" + port;
            TestKeycloak keycloak = new TestKeycloak(process, log, base, adminPassword, null);
            keycloak.awaitReady("http://127.0.0.1:" + managementPort + "/health/ready");
            keycloak.createRealm();
            return new TestKeycloak(process, log, base, adminPassword, Duration.between(started, Instant.now()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Keycloak from " + home, e);
        }
    }

    /** The unpack of {@code scripts/keycloak.sh} for the pinned version. */
    static Path unpack() {
        Properties pins = new Properties();
        try (InputStream in = Files.newInputStream(TestPaths.keycloakPins())) {
            pins.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = pins.getProperty("version");
        Path home = TestPaths.cache().resolve("keycloak").resolve(version);
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException(
                    "No Keycloak " + version + " in " + home + ": run scripts/keycloak.sh (it fetches and unpacks it)");
        }
        return home;
    }

    /** A JDK Keycloak 26 runs on (21 or newer). */
    static Path javaHome() {
        String configured = System.getenv("HEARTH_KEYCLOAK_JAVA_HOME");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        if (Runtime.version().feature() >= 21) {
            return Path.of(System.getProperty("java.home"));
        }
        Path best = null;
        int bestVersion = 0;
        try (var jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            for (Path jdk : jdks.toList()) {
                int version = javaVersion(jdk);
                if (version >= 21 && version > bestVersion && Files.isExecutable(jdk.resolve("bin/java"))) {
                    best = jdk;
                    bestVersion = version;
                }
            }
        } catch (IOException e) {
            // no /usr/lib/jvm: fall through to the message
        }
        if (best == null) {
            throw new IllegalStateException("Keycloak 26 needs Java 21 or newer: install one (e.g. under /usr/lib/jvm)"
                    + " or point HEARTH_KEYCLOAK_JAVA_HOME at it");
        }
        return best;
    }

    private static int javaVersion(Path jdk) {
        try {
            for (String line : Files.readAllLines(jdk.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(v.split("[.+-]")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    private void awaitReady(String healthUrl) {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(healthUrl))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(500));
        }
        stop();
        throw new IllegalStateException("Keycloak was not ready within " + READY_TIMEOUT + ":\n" + tail());
    }

    /** The shipped realm, plus the test variant's direct grants and short-lived client. */
    private void createRealm() throws IOException {
        ObjectNode realm = (ObjectNode) JSON.readTree(TestPaths.keycloakRealm().toFile());
        List<JsonNode> clients = new ArrayList<>();
        realm.withArray("clients").forEach(clients::add);
        for (JsonNode client : clients) {
            ((ObjectNode) client).put("directAccessGrantsEnabled", true);
            if (DASHBOARD_CLIENT.equals(client.path("clientId").asText())) {
                ObjectNode shortLived = client.deepCopy();
                shortLived.put("clientId", SHORT_LIVED_CLIENT);
                shortLived.with("attributes").put("access.token.lifespan", String.valueOf(SHORT_LIFESPAN.toSeconds()));
                realm.withArray("clients").add(shortLived);
            }
        }
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms"))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(realm)))
                .build());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(
                    "Keycloak refused the realm " + TestPaths.keycloakRealm() + ": " + describe(response));
        }
    }

    private HttpResponse<String> admin(String method, String path, JsonNode body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + REALM + path))
                    .header("Authorization", "Bearer " + adminToken())
                    .header("Content-Type", "application/json");
            request.method(
                    method,
                    body == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            return send(request.build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An admin token of the master realm (short-lived, so fetched per call; tests make few admin calls). */
    private String adminToken() {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                "admin-cli",
                                "username",
                                ADMIN,
                                "password",
                                adminPassword))))
                        .build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak's admin could not sign in: " + describe(response));
        }
        return json(response).path("access_token").asText();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(HttpResponse<String> response) {
        return response.statusCode() + " " + response.body();
    }

    private static String form(Map<String, String> fields) {
        return new LinkedHashMap<>(fields)
                .entrySet().stream()
                        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                        .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
