package dev.hearth.vm.instance;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import dev.hearth.core.api.vm.VMInstance;
import dev.hearth.core.kube.ChildMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;

/** An Opaque Secret of a VMInstance, its values base64-encoded. Pure: no I/O. */
final class Secrets {
    private Secrets() {}

    static Secret of(VMInstance instance, String name, Map<String, String> values, String fieldManager) {
        Map<String, String> data = new TreeMap<>();
        values.forEach((key, value) ->
                data.put(key, Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
        return new SecretBuilder()
                .withMetadata(ChildMetadata.of(instance, name, fieldManager))
                .withType("Opaque")
                .withData(data)
                .build();
    }
}
