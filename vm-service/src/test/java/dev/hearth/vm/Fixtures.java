package dev.hearth.vm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * What platform-core's YamlFixtures lacks: the documents of a multi-document YAML fixture (separated by {@code ---}),
 * and an inline YAML document as a plain map.
 */
public final class Fixtures {
    /** Every @QuarkusTest of this module installs the same upstream CRDs, so Quarkus starts the app only once. */
    public static final String UPSTREAM_CRDS = "kubevirt.io,cdi.kubevirt.io";

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Fixtures() {}

    public static List<String> documents(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return List.of(text.split("(?m)^---\\s*$")).stream()
                    .filter(d -> !d.isBlank())
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> yamlMap(String yaml) {
        return SERIALIZATION.unmarshal(yaml, Map.class);
    }
}
