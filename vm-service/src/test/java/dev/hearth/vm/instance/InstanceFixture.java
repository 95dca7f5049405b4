package dev.hearth.vm.instance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.hearth.core.api.vm.VMDisk;
import dev.hearth.core.api.vm.VMInstance;
import dev.hearth.vm.Fixtures;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * {@code instance/<name>.yaml}: a VMInstance, the VMDisks it uses, then every object expected for it (Secrets
 * written with readable {@code stringData}).
 */
record InstanceFixture(VMInstance instance, List<VMDisk> disks, Map<String, Map<String, Object>> expected) {
    static final String FIELD_MANAGER = "hearth-vm-service";

    static InstanceFixture load(String name) {
        VMInstance instance = null;
        Map<String, VMDisk> disks = new LinkedHashMap<>();
        Map<String, Map<String, Object>> expected = new TreeMap<>();
        for (String document : Fixtures.documents("instance/" + name + ".yaml")) {
            Map<String, Object> object = Fixtures.yamlMap(document);
            switch ((String) object.get("kind")) {
                case "VMInstance" -> instance = Fixtures.read(document, VMInstance.class);
                case "VMDisk" -> {
                    VMDisk disk = Fixtures.read(document, VMDisk.class);
                    disks.put(disk.getMetadata().getName(), disk);
                }
                default -> expected.put(key(object), object);
            }
        }
        List<VMDisk> inBootOrder =
                instance.getSpec().disks.stream().map(d -> disks.get(d.name)).toList();
        return new InstanceFixture(instance, inBootOrder, expected);
    }

    /** What the mapping classes produce for this instance, keyed like {@link #expected}. */
    Map<String, Map<String, Object>> actual() {
        List<HasMetadata> objects = new ArrayList<>();
        objects.add(VirtualMachineFor.desired(instance, disks, FIELD_MANAGER));
        objects.add(ServiceFor.desired(instance, FIELD_MANAGER));
        CloudInitSecretFor.desired(instance, FIELD_MANAGER).ifPresent(objects::add);
        SshKeysSecretFor.desired(instance, FIELD_MANAGER).ifPresent(objects::add);
        Map<String, Map<String, Object>> actual = new TreeMap<>();
        for (HasMetadata object : objects) {
            Map<String, Object> map = Fixtures.asMap(object);
            readableSecretData(map);
            actual.put(key(map), map);
        }
        return actual;
    }

    @SuppressWarnings("unchecked")
    private static void readableSecretData(Map<String, Object> object) {
        if (object.get("data") instanceof Map<?, ?> data) {
            Map<String, String> decoded = new TreeMap<>();
            ((Map<String, String>) data)
                    .forEach((k, v) ->
                            decoded.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
            object.remove("data");
            object.put("stringData", decoded);
        }
    }

    @SuppressWarnings("unchecked")
    private static String key(Map<String, Object> object) {
        return object.get("kind") + "/" + ((Map<String, Object>) object.get("metadata")).get("name");
    }
}
