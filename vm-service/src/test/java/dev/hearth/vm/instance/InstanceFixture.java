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
import dev.hearth.core.testing.YamlFixtures;
import dev.hearth.vm.Fixtures;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;

/**
 * {@code instance/<name>.yaml}: a VMInstance and the VMDisks it uses; {@code instance/<name>.golden.yaml}: every object
 * expected for it, in the order VirtualMachine, Secrets, Service (Secrets written with readable {@code stringData}).
 */
record InstanceFixture(String name, VMInstance instance, List<VMDisk> disks) {
    static final String FIELD_MANAGER = "hearth-vm-service";

    static InstanceFixture load(String name) {
        VMInstance instance = null;
        Map<String, VMDisk> disks = new LinkedHashMap<>();
        for (String document : Fixtures.documents("instance/" + name + ".yaml")) {
            String kind = YamlFixtures.parse(document, GenericKubernetesResource.class)
                    .getKind();
            if (kind.equals("VMInstance")) {
                instance = YamlFixtures.parse(document, VMInstance.class);
            } else {
                VMDisk disk = YamlFixtures.parse(document, VMDisk.class);
                disks.put(disk.getMetadata().getName(), disk);
            }
        }
        List<VMDisk> inBootOrder =
                instance.getSpec().disks.stream().map(d -> disks.get(d.name)).toList();
        return new InstanceFixture(name, instance, inBootOrder);
    }

    List<Object> expected() {
        return YamlFixtures.golden(golden());
    }

    /** What the mapping classes produce for this instance, also written to target/golden-actual for a diff. */
    List<Object> actual() {
        List<HasMetadata> objects = new ArrayList<>();
        objects.add(VirtualMachineFor.desired(instance, disks, FIELD_MANAGER));
        CloudInitSecretFor.desired(instance, FIELD_MANAGER)
                .map(InstanceFixture::readable)
                .ifPresent(objects::add);
        SshKeysSecretFor.desired(instance, FIELD_MANAGER)
                .map(InstanceFixture::readable)
                .ifPresent(objects::add);
        objects.add(ServiceFor.desired(instance, FIELD_MANAGER));
        return YamlFixtures.actual(golden(), objects);
    }

    private String golden() {
        return "instance/" + name + ".golden.yaml";
    }

    private static Secret readable(Secret secret) {
        Map<String, String> decoded = new TreeMap<>();
        secret.getData()
                .forEach((k, v) -> decoded.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
        return new SecretBuilder(secret).withData(null).withStringData(decoded).build();
    }
}
