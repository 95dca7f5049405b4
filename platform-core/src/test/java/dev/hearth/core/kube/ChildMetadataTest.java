package dev.hearth.core.kube;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.hearth.core.api.vm.VMDisk;

class ChildMetadataTest {

    @Test
    void aChildCarriesTheServiceTheTenantAndTheOwnerAndIsCollectedWithIt() {
        VMDisk disk = new VMDisk();
        disk.getMetadata().setName("ubuntu");
        disk.getMetadata().setNamespace("tenant-foo");
        disk.getMetadata().setUid("1234");

        var metadata = ChildMetadata.of(disk, "vm-disk-ubuntu", "hearth-vm-service");

        assertThat(metadata.getName()).isEqualTo("vm-disk-ubuntu");
        assertThat(metadata.getNamespace()).isEqualTo("tenant-foo");
        assertThat(metadata.getLabels())
                .containsOnly(
                        entry("app.kubernetes.io/managed-by", "hearth-vm-service"),
                        entry("hearth.dev/tenant", "tenant-foo"),
                        entry("apps.hearth.dev/application.kind", "VMDisk"),
                        entry("apps.hearth.dev/application.name", "ubuntu"));
        assertThat(metadata.getOwnerReferences()).singleElement().satisfies(owner -> {
            assertThat(owner.getApiVersion()).isEqualTo("apps.hearth.dev/v1alpha1");
            assertThat(owner.getKind()).isEqualTo("VMDisk");
            assertThat(owner.getName()).isEqualTo("ubuntu");
            assertThat(owner.getUid()).isEqualTo("1234");
            assertThat(owner.getController()).isTrue();
            assertThat(owner.getBlockOwnerDeletion()).isTrue();
        });
        assertThat(metadata.getLabels()).containsAllEntriesOf(ChildMetadata.selector(disk, "hearth-vm-service"));
        assertThat(ChildMetadata.selector(disk, "hearth-vm-service")).doesNotContainKey("hearth.dev/tenant");
    }

    private static java.util.Map.Entry<String, String> entry(String key, String value) {
        return java.util.Map.entry(key, value);
    }
}
