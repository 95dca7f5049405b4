package dev.hearth.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * A real OCI registry (go-containerregistry's {@code cmd/registry}, in memory, plain HTTP on 127.0.0.1) as a local
 * process, or one that serves only with a token ({@link #withTokens}: distribution's {@code cmd/registry}, the
 * registry behind Docker Hub, trusting a {@link TestRegistryTokens} endpoint), and Helm charts pushed to it as {@code helm push} does, per the OCI distribution spec: the chart's
 * {@code Chart.yaml} as the config blob, its archive as the one layer, both uploaded (POST, then PUT with the digest),
 * then the manifest PUT under the chart's version.
 *
 * <p>The binary comes from {@code ${KUBE_API_TEST_DIR:-~/.kubeapitest}/registry-<version>/registry}, built by
 * {@code scripts/test-binaries.sh}; the version is the one pinned in {@code tools/registry-binary/go.mod}
 * (distribution's: {@code distribution-<version>/registry}, {@code tools/distribution-binary/go.mod}). A missing
 * binary fails the test.
 */
public final class TestOciRegistry implements AutoCloseable {
    public static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String HELM_CONFIG = "application/vnd.cncf.helm.config.v1+json";
    public static final String HELM_CHART = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern SERVING = Pattern.compile("serving on port (\\d+)");
    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Process process;
    private final Path log;
    private final int port;
    private final TestRegistryTokens tokens;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestOciRegistry(Process process, Path log, int port, TestRegistryTokens tokens) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.tokens = tokens;
    }

    /**
     * Starts the registry on a port of 127.0.0.1 it picks itself (port 0, read back from its log, so no other
     * process can take the port between a pick and the bind).
     */
    public static TestOciRegistry start() {
        Path binary = binary("registry", "google/go-containerregistry", "registry");
        return start(List.of(binary.toString(), "-port", "0"), SERVING, null);
    }

    /**
     * Starts distribution's registry on a port of 127.0.0.1 it picks itself, in memory, with token auth: every
     * request, pulls too, is answered {@code 401} with {@code WWW-Authenticate: Bearer realm=<tokens' realm>,
     * service=<TestRegistryTokens.SERVICE>,scope=...} unless it carries a token {@code tokens} signed that grants it.
     * {@link #push} gets its push token from {@code tokens}.
     */
    public static TestOciRegistry withTokens(TestRegistryTokens tokens) {
        Path binary = binary("distribution", "distribution/distribution/v3", "distribution");
        try {
            Path dir = Files.createTempDirectory("hearth-token-registry");
            Path jwks = Files.writeString(dir.resolve("jwks.json"), tokens.jwks());
            Path config = Files.writeString(
                    dir.resolve("config.yml"),
                    String.join(
                            "\n",
                            "version: 0.1",
                            "log:",
                            "  level: info",
                            "storage:",
                            "  inmemory: {}",
                            "http:",
                            "  addr: 127.0.0.1:0",
                            "auth:",
                            "  token:",
                            "    realm: " + tokens.realm(),
                            "    service: " + TestRegistryTokens.SERVICE,
                            "    issuer: " + TestRegistryTokens.ISSUER,
                            "    jwks: " + jwks,
                            ""));
            return start(List.of(binary.toString(), "serve", config.toString()), LISTENING, tokens);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TestOciRegistry start(List<String> command, Pattern listening, TestRegistryTokens tokens) {
        try {
            Path log = Files.createTempFile("hearth-oci-registry", ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Instant deadline = Instant.now().plus(READY_TIMEOUT);
            while (Instant.now().isBefore(deadline)) {
                Matcher serving = listening.matcher(Files.readString(log));
                if (serving.find()) {
                    System.out.println("OCI registry started: " + command.get(0) + " on 127.0.0.1:" + serving.group(1)
                            + "\n  log: " + log);
                    return new TestOciRegistry(process, log, Integer.parseInt(serving.group(1)), tokens);
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            "The OCI registry exited with " + process.exitValue() + ":\n" + Files.readString(log));
                }
                Thread.sleep(50);
            }
            process.destroyForcibly();
            throw new IllegalStateException(
                    "The OCI registry did not listen within " + READY_TIMEOUT + ":\n" + Files.readString(log));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the OCI registry " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The registry's binary {@code <installed>-<version>/registry}, for the version of {@code github.com/<module>}
     * pinned in {@code tools/<tool>-binary/go.mod}.
     */
    static Path binary(String installed, String module, String tool) {
        String dir = System.getenv("KUBE_API_TEST_DIR");
        Path base =
                dir != null && !dir.isBlank() ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".kubeapitest");
        Path binary =
                base.resolve(installed + "-" + pinnedVersion(module, tool)).resolve("registry");
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("OCI registry not found at " + binary + ": run scripts/test-binaries.sh");
        }
        return binary;
    }

    private static String pinnedVersion(String module, String tool) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path goMod = dir.resolve("tools/" + tool + "-binary/go.mod");
            if (Files.isRegularFile(goMod)) {
                try {
                    Matcher m = Pattern.compile("(?m)^require github\\.com/" + Pattern.quote(module) + " v(\\S+)$")
                            .matcher(Files.readString(goMod));
                    if (!m.find()) {
                        throw new IllegalStateException(
                                goMod + " does not require github.com/" + module + " on one line");
                    }
                    return m.group(1);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("Cannot find tools/" + tool + "-binary/go.mod above "
                + Path.of("").toAbsolutePath() + ": the registry's version is pinned there");
    }

    /** {@code 127.0.0.1:<port>}. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    /** A chart repository in this registry, as a bundle or a Flux {@code HelmRepository} names it. */
    public String url(String repository) {
        return "oci://" + host() + "/" + repository;
    }

    /**
     * Pushes the chart folder {@code chart} (packaged as {@link HelmChartRepository} packages it) to
     * {@code <repository>/<name>:<version>}, its name and version those of its {@code Chart.yaml}.
     *
     * @return the layer's digest ({@code sha256:<hex>})
     */
    public String push(String repository, Path chart) {
        return push(repository, chart, HELM_CHART);
    }

    /**
     * As {@link #push(String, Path)}, the archive's layer of media type {@code layerMediaType}: another than
     * {@link #HELM_CHART} makes an artifact that is not a Helm chart (e.g. an image layer).
     */
    public String push(String repository, Path chart, String layerMediaType) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> metadata =
                    YAML.readValue(chart.resolve("Chart.yaml").toFile(), LinkedHashMap.class);
            String name = (String) metadata.get("name");
            String version = String.valueOf(metadata.get("version"));
            String path = repository + "/" + name;
            byte[] archive = HelmChartRepository.pack(chart, name);
            byte[] config = JSON.writeValueAsBytes(metadata);
            String authorization =
                    tokens == null ? null : "Bearer " + tokens.token("repository:" + path + ":pull,push");
            String layer = upload(path, archive, authorization);
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("schemaVersion", 2);
            manifest.put("mediaType", MANIFEST);
            manifest.put("config", descriptor(HELM_CONFIG, upload(path, config, authorization), config.length));
            manifest.put("layers", List.of(descriptor(layerMediaType, layer, archive.length)));
            // Helm's tags: '+' is not allowed in a tag, so a version's build metadata is written with '_'
            send(
                    HttpRequest.newBuilder(base().resolve("/v2/" + path + "/manifests/" + version.replace('+', '_')))
                            .header("Content-Type", MANIFEST)
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(manifest))),
                    201,
                    authorization);
            return layer;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot push the chart " + chart, e);
        }
    }

    /** A monolithic blob upload: POST opens it, PUT with the digest sends the content and closes it. */
    private String upload(String path, byte[] content, String authorization) {
        String digest = "sha256:" + sha256(content);
        HttpResponse<String> opened = send(
                HttpRequest.newBuilder(base().resolve("/v2/" + path + "/blobs/uploads/"))
                        .POST(HttpRequest.BodyPublishers.noBody()),
                202,
                authorization);
        URI location = base().resolve(opened.headers()
                .firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("No Location for the upload to " + path)));
        String separator = location.getQuery() == null ? "?" : "&";
        send(
                HttpRequest.newBuilder(URI.create(location + separator + "digest=" + digest))
                        .header("Content-Type", "application/octet-stream")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(content)),
                201,
                authorization);
        return digest;
    }

    private static Map<String, Object> descriptor(String mediaType, String digest, long size) {
        Map<String, Object> descriptor = new LinkedHashMap<>();
        descriptor.put("mediaType", mediaType);
        descriptor.put("digest", digest);
        descriptor.put("size", size);
        return descriptor;
    }

    private HttpResponse<String> send(HttpRequest.Builder request, int expected, String authorization) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(
                        built.method() + " " + built.uri() + ": HTTP " + response.statusCode() + " " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(built.method() + " " + built.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI base() {
        return URI.create("http://" + host() + "/");
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The registry's log. */
    public Path log() {
        return log;
    }

    /** Stops the registry (its content goes with it): SIGTERM, then SIGKILL after 5 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
