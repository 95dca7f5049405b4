package dev.hearth.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The chart repository serves a Helm index and archives in Helm's layout, without an API server. */
class HelmChartRepositoryTest {

    @Test
    @SuppressWarnings("unchecked")
    void servesAnIndexOfEveryAppChartWithTheDigestsOfItsArchives() throws Exception {
        try (HelmChartRepository repository = HelmChartRepository.serveAppCharts()) {
            HttpClient http = HttpClient.newHttpClient();
            String indexYaml = http.send(
                            HttpRequest.newBuilder(URI.create(repository.url() + "index.yaml"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            Map<String, Object> index = new ObjectMapper(new YAMLFactory()).readValue(indexYaml, Map.class);
            assertThat(index).containsEntry("apiVersion", "v1").containsKey("generated");
            Map<String, List<Map<String, Object>>> entries =
                    (Map<String, List<Map<String, Object>>>) index.get("entries");
            assertThat(entries).containsKeys("redis", "postgres", "tcpbalancer");
            assertThat(entries).hasSize(repository.charts().size());

            Map<String, Object> redis = entries.get("redis").get(0);
            assertThat(redis)
                    .containsEntry("name", "redis")
                    .containsEntry("version", "0.1.0")
                    .containsEntry("appVersion", "8") // a string, as Helm requires
                    .containsEntry("urls", List.of("redis-0.1.0.tgz"))
                    .containsKey("created");
            byte[] archive = http.send(
                            HttpRequest.newBuilder(URI.create(repository.url() + "redis-0.1.0.tgz"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray())
                    .body();
            assertThat(redis.get("digest"))
                    .isEqualTo(HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(archive)));
            assertThat(tarEntries(archive))
                    .startsWith("redis/Chart.yaml")
                    .contains("redis/values.yaml", "redis/values.schema.json", "redis/templates/redisfailover.yaml");

            assertThat(http.send(
                                    HttpRequest.newBuilder(URI.create(repository.url() + "missing.tgz"))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode())
                    .isEqualTo(404);
        }
    }

    /** Cilium's Chart.yaml has a top-level displayName, which Helm's index and source-controller do not know. */
    @Test
    @SuppressWarnings("unchecked")
    void theIndexCarriesHelmsChartMetadataOnlyAndServesSeveralFolders(@TempDir Path dir) throws Exception {
        Path own = Files.createDirectories(dir.resolve("own/dns"));
        Files.writeString(own.resolve("Chart.yaml"), "apiVersion: v2\nname: dns\nversion: 0.1.0\n");
        Path upstream = Files.createDirectories(dir.resolve("upstream/cni"));
        Files.writeString(
                upstream.resolve("Chart.yaml"),
                "apiVersion: v2\nname: cni\ndisplayName: CNI\nversion: 1.2.3\nannotations: {a: b}\n");

        try (HelmChartRepository repository =
                HelmChartRepository.serve(List.of(dir.resolve("own"), dir.resolve("upstream")), 0)) {
            assertThat(repository.charts()).containsExactly("dns-0.1.0", "cni-1.2.3");
            Map<String, Object> index = new ObjectMapper(new YAMLFactory()).readValue(repository.index(), Map.class);
            Map<String, Object> cni = ((Map<String, List<Map<String, Object>>>) index.get("entries"))
                    .get("cni")
                    .get(0);
            assertThat(cni.keySet())
                    .containsExactlyInAnyOrder(
                            "apiVersion", "name", "version", "annotations", "urls", "digest", "created");
        }
        Files.createDirectories(dir.resolve("again/dns"));
        Files.copy(own.resolve("Chart.yaml"), dir.resolve("again/dns/Chart.yaml"));
        assertThatThrownBy(() -> HelmChartRepository.serve(List.of(dir.resolve("own"), dir.resolve("again")), 0))
                .hasMessageStartingWith("dns-0.1.0.tgz is in two of ");
    }

    @Test
    void packagingIsReproducible() throws IOException {
        var chart = HelmChartRepository.appCharts().resolve("redis");
        assertThat(HelmChartRepository.pack(chart, "redis")).isEqualTo(HelmChartRepository.pack(chart, "redis"));
    }

    /** The names of a gzipped tar's entries, read back with the ustar layout. */
    private static List<String> tarEntries(byte[] tgz) throws IOException {
        byte[] tar = new GZIPInputStream(new ByteArrayInputStream(tgz)).readAllBytes();
        List<String> names = new ArrayList<>();
        for (int offset = 0; offset + 512 <= tar.length && tar[offset] != 0; ) {
            String name = new String(tar, offset, 100, StandardCharsets.UTF_8).replaceAll("\0.*", "");
            String prefix = new String(tar, offset + 345, 155, StandardCharsets.UTF_8).replaceAll("\0.*", "");
            long size = Long.parseLong(new String(tar, offset + 124, 11, StandardCharsets.US_ASCII).trim(), 8);
            names.add(prefix.isEmpty() ? name : prefix + "/" + name);
            offset += 512 + (int) ((size + 511) / 512 * 512);
        }
        return names;
    }
}
