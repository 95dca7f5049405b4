package dev.hearth.vm.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class FirmwareUuidTest {

    @Test
    void isAStableUuidOfNamespaceNameAndSeed() {
        String uuid = FirmwareUuid.of("tenant-foo", "web", null);

        assertThat(uuid)
                .isEqualTo(FirmwareUuid.of("tenant-foo", "web", null))
                .isEqualTo(FirmwareUuid.of("tenant-foo", "web", ""));
        assertThat(UUID.fromString(uuid).toString()).isEqualTo(uuid);
    }

    @Test
    void changesWithTheSeedTheNameOrTheNamespace() {
        String uuid = FirmwareUuid.of("tenant-foo", "web", null);

        assertThat(FirmwareUuid.of("tenant-foo", "web", "2")).isNotEqualTo(uuid);
        assertThat(FirmwareUuid.of("tenant-foo", "api", null)).isNotEqualTo(uuid);
        assertThat(FirmwareUuid.of("tenant-bar", "web", null)).isNotEqualTo(uuid);
    }
}
