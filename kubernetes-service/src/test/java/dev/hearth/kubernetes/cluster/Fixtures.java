package dev.hearth.kubernetes.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.hearth.core.api.kubernetes.Kubernetes;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;

/** Reads the YAML fixtures of src/test/resources/mapping and turns objects into plain, comparable structures. */
public final class Fixtures {
    public static final ClusterSettings SETTINGS = new ClusterSettings(
            "docker://quay.io/capk/ubuntu-2404-container-disk",
            "registry.k8s.io/autoscaling/cluster-autoscaler:v1.34.1",
            "HelmRepository/hearth-system/hearth-kubernetes-addons");
    public static final TenantFacts TENANT = new TenantFacts("tenant-root", "tenant-acme", "acme.example.org");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Fixtures() {}

    public static Kubernetes kubernetes(String name) {
        try (InputStream in = resource("mapping/" + name + ".yaml")) {
            return Serialization.unmarshal(in, Kubernetes.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Object> expected(String name) {
        try (InputStream in = resource("mapping/" + name + ".yaml")) {
            return YAML.readValue(in, new TypeReference<List<Object>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Objects as plain maps and lists, the shape YAML parses to, written to target/ to compare by eye when a test fails. */
    public static List<Object> plain(String name, List<HasMetadata> objects) {
        try {
            String yaml = YAML.writeValueAsString(YAML.readValue(Serialization.asJson(objects), List.class));
            Path actual = Path.of("target", "mapping-actual", name + ".yaml");
            Files.createDirectories(actual.getParent());
            Files.writeString(actual, yaml);
            return YAML.readValue(yaml, new TypeReference<List<Object>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalArgumentException("no fixture " + path);
        }
        return in;
    }
}
