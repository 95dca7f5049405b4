package dev.hearth.vm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** YAML fixtures under src/test/resources: documents separated by {@code ---}. */
public final class Fixtures {
    /** Every @QuarkusTest of this module installs the same upstream CRDs, so Quarkus starts the app only once. */
    public static final String UPSTREAM_CRDS = "kubevirt.io,cdi.kubevirt.io";

    public static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

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

    /** Runs a read-modify-write edit again when the operator's status patch won the race (409 Conflict). */
    public static void retryOnConflict(Runnable edit) {
        for (int attempt = 1; ; attempt++) {
            try {
                edit.run();
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409 || attempt == 5) {
                    throw e;
                }
            }
        }
    }

    public static <T> T read(String yaml, Class<T> type) {
        return SERIALIZATION.unmarshal(yaml, type);
    }

    /** An object as the plain map the API server would see, for comparison with an expected YAML document. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> asMap(Object object) {
        return SERIALIZATION.unmarshal(SERIALIZATION.asJson(object), Map.class);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> yamlMap(String yaml) {
        return SERIALIZATION.unmarshal(yaml, Map.class);
    }
}
