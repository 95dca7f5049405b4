package dev.hearth.bundle.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hearth.bundle.model.Chart;

/**
 * A chart's archive from an OCI registry, per the OCI distribution spec: the manifest of tag {@code <version>} under
 * {@code <repository path>/<name>}, its Helm chart layer, that layer's blob, checked against the layer's sha256 digest.
 * Anonymous pulls, with an anonymous token where the registry wants one even for those (ghcr.io, Docker Hub, Quay:
 * {@link RegistryGets}).
 * HTTPS, except on a loopback host, which is plain HTTP (as Docker and go-containerregistry treat {@code 127.0.0.0/8}
 * and {@code localhost}).
 */
final class OciCharts {
    static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String CHART_LAYER = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";
    private static final Pattern LOOPBACK = Pattern.compile("localhost|127(\\.\\d{1,3}){3}|\\[::1]");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final RegistryGets http;

    OciCharts(RegistryGets http) {
        this.http = http;
    }

    byte[] archive(Chart chart) {
        URI base = base(chart);
        // Helm's tags: '+' is not allowed in a tag, so a version's build metadata is pushed with '_'
        JsonNode manifest =
                json(http.get(base.resolve("manifests/" + chart.version().replace('+', '_')), MANIFEST));
        for (JsonNode layer : manifest.path("layers")) {
            if (CHART_LAYER.equals(layer.path("mediaType").asText())) {
                String digest = layer.path("digest").asText();
                byte[] archive = http.get(base.resolve("blobs/" + digest), null);
                verify(archive, digest, chart);
                return archive;
            }
        }
        throw new IllegalStateException(
                chart.repository() + "/" + chart.name() + ":" + chart.version() + " has no Helm chart layer");
    }

    /** {@code <scheme>://<host>/v2/<path>/<name>/}, the base of the chart's manifests and blobs. */
    static URI base(Chart chart) {
        URI reference = URI.create(chart.repository());
        String scheme = reference.getHost() != null && loopback(reference.getHost()) ? "http" : "https";
        String path = reference.getPath() == null ? "" : reference.getPath().replaceAll("^/+|/+$", "");
        return URI.create(scheme + "://" + reference.getRawAuthority() + "/v2/" + (path.isEmpty() ? "" : path + "/")
                + chart.name() + "/");
    }

    /** {@code localhost}, {@code 127.0.0.0/8} or {@code [::1]}: where plain HTTP cannot leave the machine. */
    static boolean loopback(String host) {
        return LOOPBACK.matcher(host).matches();
    }

    /** Only a sha256 digest can match: another algorithm's is refused as a mismatch. */
    private static void verify(byte[] archive, String digest, Chart chart) {
        byte[] actual;
        try {
            actual = MessageDigest.getInstance("SHA-256").digest(archive);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String hex = HexFormat.of().formatHex(actual);
        if (!digest.equals("sha256:" + hex)) {
            throw new IllegalStateException("The chart archive of " + chart.name() + " " + chart.version()
                    + " does not match its digest " + digest + " (sha256:" + hex + ")");
        }
    }

    private static JsonNode json(byte[] body) {
        try {
            return JSON.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Not a JSON manifest", e);
        }
    }
}
