package dev.hearth.vm.disk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.hearth.core.api.vm.VMDisk;
import dev.hearth.core.testing.YamlFixtures;

/** Given a VMDisk of each source (disk/<source>.yaml), exactly this DataVolume (disk/<source>.golden.yaml). */
class DataVolumeForTest {

    @ParameterizedTest
    @ValueSource(strings = {"image", "http", "upload", "disk", "blank"})
    void mapsEverySourceToItsDataVolume(String source) {
        VMDisk disk = YamlFixtures.read("disk/" + source + ".yaml", VMDisk.class);
        String golden = "disk/" + source + ".golden.yaml";

        var dataVolume = DataVolumeFor.desired(disk, "hearth-images", "hearth-vm-service");

        assertThat(YamlFixtures.actual(golden, List.of(dataVolume))).isEqualTo(YamlFixtures.golden(golden));
    }
}
