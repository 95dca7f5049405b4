package dev.hearth.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.sun.net.httpserver.HttpServer;

/**
 * Hearth's app charts ({@code deploy/charts/apps/*}), or the addon charts of tenant clusters, as a real Helm chart
 * repository: each chart packaged as
 * {@code <name>-<version>.tgz} (what {@code helm package} writes: a gzipped tar of {@code <name>/...}) plus an
 * {@code index.yaml} (Helm repository index, apiVersion v1, with sha256 digests and relative URLs), served over HTTP on
 * 127.0.0.1 by the JDK's HTTP server. Flux's source-controller reads it through a {@code HelmRepository}.
 *
 * <p>Charts are packaged as they are. A chart whose {@code Chart.yaml} declares dependencies on upstream charts
 * (fetched from the internet by {@code helm dependency build}) is packaged without them, since nothing can be fetched
 * here: it is still listed, and its install fails in helm-controller ("found in Chart.yaml, but missing in charts/
 * directory"), which is where a test sees it. None of Hearth's app charts has dependencies today.
 *
 * <p>{@link #main} serves the charts until stopped (used by {@link LocalKubernetes} for {@code scripts/run-local.sh}).
 */
public final class HelmChartRepository implements AutoCloseable {
    /** All archives carry this modification time, so that a chart's digest only changes with its content. */
    private static final long ENTRY_MTIME =
            Instant.parse("2020-01-01T00:00:00Z").getEpochSecond();

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            // appVersion: "8" must stay a string: Helm's index loader refuses a number there
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    /** The fields of Helm's chart metadata ({@code helm.sh/helm/v3/pkg/chart.Metadata}). */
    private static final List<String> CHART_METADATA = List.of(
            "name",
            "home",
            "sources",
            "version",
            "description",
            "keywords",
            "maintainers",
            "icon",
            "apiVersion",
            "condition",
            "tags",
            "appVersion",
            "deprecated",
            "annotations",
            "kubeVersion",
            "dependencies",
            "type");

    private final HttpServer server;
    private final Map<String, byte[]> files;
    private final List<String> charts;

    private HelmChartRepository(HttpServer server, Map<String, byte[]> files, List<String> charts) {
        this.server = server;
        this.files = files;
        this.charts = charts;
    }

    /** Hearth's app charts: system property {@code hearth.app-charts}, else {@code deploy/charts/apps} of the repository. */
    public static Path appCharts() {
        String configured = System.getProperty("hearth.app-charts");
        Path dir = configured != null
                ? Path.of(configured)
                : TestPaths.hearthCrds()
                        .resolve("../../apps")
                        .normalize(); // deploy/charts/hearth/crds -> deploy/charts/apps
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("No app charts in " + dir + "; set the system property hearth.app-charts");
        }
        return dir;
    }

    /** Serves the app charts on a free port of 127.0.0.1. */
    public static HelmChartRepository serveAppCharts() {
        return serve(appCharts(), 0);
    }

    /**
     * The addon charts of tenant clusters: Hearth's own ({@code deploy/charts/addons}, beside the app charts) and the
     * upstream ones {@code scripts/addon-charts.sh} materialises ({@link TestPaths#upstreamAddonCharts()}).
     */
    public static List<Path> addonCharts() {
        return List.of(appCharts().resolveSibling("addons"), TestPaths.upstreamAddonCharts());
    }

    /** Serves the addon charts on a free port of 127.0.0.1. */
    public static HelmChartRepository serveAddonCharts() {
        return serve(addonCharts(), 0);
    }

    /** Packages every chart folder of {@code chartsDir} and serves them on {@code port} of 127.0.0.1 (0: a free one). */
    public static HelmChartRepository serve(Path chartsDir, int port) {
        return serve(List.of(chartsDir), port);
    }

    /** Packages every chart folder of each of {@code chartsDirs} and serves them as one repository. */
    public static HelmChartRepository serve(List<Path> chartsDirs, int port) {
        Map<String, byte[]> files = new TreeMap<>();
        Map<String, List<Map<String, Object>>> entries = new TreeMap<>();
        List<String> charts = new ArrayList<>();
        String created = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        for (Path chartsDir : chartsDirs) {
            try (Stream<Path> dirs = Files.list(chartsDir)) {
                for (Path chart : dirs.filter(d -> Files.isRegularFile(d.resolve("Chart.yaml")))
                        .sorted()
                        .toList()) {
                    Map<String, Object> metadata = chartMetadata(chart);
                    String name = (String) metadata.get("name");
                    String version = String.valueOf(metadata.get("version"));
                    if (metadata.get("dependencies") instanceof List<?> dependencies
                            && !dependencies.isEmpty()
                            && !Files.isDirectory(chart.resolve("charts"))) {
                        System.out.println("HelmChartRepository: " + name
                                + " declares dependencies that cannot be fetched here; "
                                + "packaged without them, its install will fail");
                    }
                    String archive = name + "-" + version + ".tgz";
                    if (files.containsKey(archive)) {
                        throw new IllegalStateException(archive + " is in two of " + chartsDirs);
                    }
                    byte[] tgz = pack(chart, name);
                    files.put(archive, tgz);
                    Map<String, Object> entry = new LinkedHashMap<>(metadata);
                    // helm repo index writes Helm's chart metadata only; source-controller refuses any other field
                    entry.keySet().retainAll(CHART_METADATA);
                    entry.put("version", version);
                    entry.put("urls", List.of(archive));
                    entry.put("digest", sha256(tgz));
                    entry.put("created", created);
                    entries.computeIfAbsent(name, n -> new ArrayList<>()).add(entry);
                    charts.add(name + "-" + version);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot package the charts of " + chartsDir, e);
            }
        }
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("apiVersion", "v1");
        index.put("entries", entries);
        index.put("generated", created);
        try {
            files.put("index.yaml", YAML.writeValueAsBytes(index));
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            server.createContext("/", exchange -> {
                try (exchange) {
                    String path = exchange.getRequestURI().getPath().replaceFirst("^/+", "");
                    byte[] body = files.get(path);
                    boolean head = "HEAD".equals(exchange.getRequestMethod());
                    if (body == null || !(head || "GET".equals(exchange.getRequestMethod()))) {
                        exchange.sendResponseHeaders(404, -1);
                        return;
                    }
                    exchange.getResponseHeaders()
                            .set("Content-Type", path.endsWith(".yaml") ? "application/x-yaml" : "application/gzip");
                    exchange.sendResponseHeaders(200, head ? -1 : body.length);
                    if (!head) {
                        exchange.getResponseBody().write(body);
                    }
                }
            });
            server.start();
            return new HelmChartRepository(server, files, charts);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serve the chart repository", e);
        }
    }

    /** The repository URL, for a Flux {@code HelmRepository}'s {@code spec.url}: {@code http://127.0.0.1:<port>/}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** The packaged charts, as {@code <name>-<version>}. */
    public List<String> charts() {
        return charts;
    }

    /** The served {@code index.yaml}. */
    public String index() {
        return new String(files.get("index.yaml"), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> chartMetadata(Path chart) throws IOException {
        Map<String, Object> metadata =
                YAML.readValue(chart.resolve("Chart.yaml").toFile(), LinkedHashMap.class);
        if (metadata.get("name") == null || metadata.get("version") == null) {
            throw new IllegalStateException(chart.resolve("Chart.yaml") + " has no name or version");
        }
        if (Files.exists(chart.resolve(".helmignore"))) {
            // not implemented: the charts have none today; packaging the ignored files silently would be wrong
            throw new IllegalStateException(chart + " has a .helmignore, which HelmChartRepository does not apply yet");
        }
        return metadata;
    }

    /** {@code helm package}'s layout: a gzipped tar with every file of the chart under {@code <name>/}, Chart.yaml first. */
    static byte[] pack(Path chart, String name) throws IOException {
        List<Path> content;
        try (Stream<Path> walk = Files.walk(chart)) {
            content = walk.filter(Files::isRegularFile)
                    .map(chart::relativize)
                    .sorted((a, b) -> a.toString().equals("Chart.yaml")
                            ? -1
                            : b.toString().equals("Chart.yaml") ? 1 : a.compareTo(b))
                    .toList();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            for (Path file : content) {
                byte[] data = Files.readAllBytes(chart.resolve(file));
                gzip.write(tarHeader(name + "/" + file.toString().replace('\\', '/'), data.length));
                gzip.write(data);
                gzip.write(new byte[(512 - data.length % 512) % 512]);
            }
            gzip.write(new byte[1024]); // end of archive: two empty blocks
        }
        return bytes.toByteArray();
    }

    /** A POSIX ustar header of a regular file (mode 0644, owner 0). */
    private static byte[] tarHeader(String path, long size) {
        byte[] header = new byte[512];
        byte[] name = path.getBytes(StandardCharsets.UTF_8);
        String prefix = "";
        if (name.length > 100) {
            int slash = path.lastIndexOf('/', 155);
            if (slash < 0 || path.length() - slash - 1 > 100) {
                throw new IllegalArgumentException("Path too long for a tar header: " + path);
            }
            prefix = path.substring(0, slash);
            name = path.substring(slash + 1).getBytes(StandardCharsets.UTF_8);
        }
        put(header, 0, name);
        put(header, 100, octal(0644, 8));
        put(header, 108, octal(0, 8));
        put(header, 116, octal(0, 8));
        put(header, 124, octal(size, 12));
        put(header, 136, octal(ENTRY_MTIME, 12));
        put(header, 148, "        ".getBytes(StandardCharsets.US_ASCII)); // checksum field counts as spaces
        header[156] = '0';
        put(header, 257, "ustar\0".getBytes(StandardCharsets.US_ASCII));
        put(header, 263, "00".getBytes(StandardCharsets.US_ASCII));
        put(header, 345, prefix.getBytes(StandardCharsets.UTF_8));
        long checksum = 0;
        for (byte b : header) {
            checksum += b & 0xff;
        }
        put(header, 148, octal(checksum, 7));
        return header;
    }

    /** {@code value} in octal, zero-padded to {@code width - 1} digits and NUL-terminated. */
    private static byte[] octal(long value, int width) {
        String digits = Long.toOctalString(value);
        String padded = "0".repeat(Math.max(0, width - 1 - digits.length())) + digits;
        return (padded + "\0").getBytes(StandardCharsets.US_ASCII);
    }

    private static void put(byte[] header, int offset, byte[] value) {
        System.arraycopy(value, 0, header, offset, value.length);
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Serves the charts until stopped. Arguments: the charts folder (default: {@link #appCharts()}), the port
     * (default 0: a free one); prints the URL.
     */
    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : appCharts();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        HelmChartRepository repository = serve(dir, port);
        System.out.println("HelmChartRepository: " + repository.charts() + " at " + repository.url());
        new CountDownLatch(1).await();
    }

    /** For tests of the packaging: the served file, or null. */
    byte[] file(String name) {
        return files.get(name);
    }
}
