package dev.hearth.core.testing.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A service's image ({@code <module>/target/jib-image.tar}, scripts/images.sh) unpacked into a folder: its layers in
 * order, and the entrypoint, working directory and environment of its config. A benchmark then starts the service
 * as its container would, with the image's JRE, JVM options and class-data-sharing archive, only without the
 * container's namespaces.
 *
 * @param module           the service, e.g. {@code tenant-service}
 * @param root             the unpacked root filesystem
 * @param entrypoint       the image's entrypoint, its first element the java binary (a path inside the image)
 * @param workingDirectory the image's working directory, inside {@code root}
 * @param environment      the image's environment
 */
public record ServiceImage(
        String module, Path root, List<String> entrypoint, Path workingDirectory, Map<String, String> environment) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Unpacks {@code tar} (a Docker-format image tar, as Jib writes it) into {@code into}, emptied first. */
    public static ServiceImage unpack(Path tar, Path into) throws IOException, InterruptedException {
        String module =
                tar.toAbsolutePath().getParent().getParent().getFileName().toString();
        delete(into);
        Path blobs = Files.createDirectories(into.resolve("image"));
        Path root = Files.createDirectories(into.resolve("root"));
        untar(tar, blobs, "-xf");
        JsonNode manifest =
                JSON.readTree(blobs.resolve("manifest.json").toFile()).get(0);
        for (JsonNode layer : manifest.get("Layers")) {
            // tar keeps the files' times, which the archive checks the jars against
            untar(blobs.resolve(layer.asText()), root, "-xzf");
        }
        JsonNode config = JSON.readTree(
                        blobs.resolve(manifest.get("Config").asText()).toFile())
                .get("config");
        List<String> entrypoint = new ArrayList<>();
        config.get("Entrypoint").forEach(word -> entrypoint.add(word.asText()));
        Map<String, String> environment = new LinkedHashMap<>();
        config.path("Env").forEach(pair -> {
            String[] kv = pair.asText().split("=", 2);
            environment.put(kv[0], kv[1]);
        });
        Path workingDirectory =
                root.resolve(config.path("WorkingDir").asText("/").substring(1));
        return new ServiceImage(module, root, entrypoint, workingDirectory, environment);
    }

    private static void untar(Path archive, Path into, String mode) throws IOException, InterruptedException {
        Process tar = new ProcessBuilder(
                        "tar", "--warning=no-unknown-keyword", mode, archive.toString(), "-C", into.toString())
                .inheritIO()
                .start();
        if (tar.waitFor() != 0) {
            throw new IOException("tar " + mode + " " + archive + " failed with " + tar.exitValue());
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
