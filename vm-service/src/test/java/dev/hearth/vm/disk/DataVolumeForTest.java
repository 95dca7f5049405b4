package dev.hearth.vm.disk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.hearth.core.api.vm.VMDisk;
import dev.hearth.vm.Fixtures;

/** Given a VMDisk of each source (first document of disk/<source>.yaml), this DataVolume (second document). */
class DataVolumeForTest {

    @ParameterizedTest
    @ValueSource(strings = {"image", "http", "upload", "disk", "blank"})
    void mapsEverySourceToItsDataVolume(String source) {
        List<String> fixture = Fixtures.documents("disk/" + source + ".yaml");
        VMDisk disk = Fixtures.read(fixture.get(0), VMDisk.class);

        var dataVolume = DataVolumeFor.desired(disk, "hearth-images", "hearth-vm-service");

        assertThat(Fixtures.asMap(dataVolume)).isEqualTo(Fixtures.yamlMap(fixture.get(1)));
    }
}
