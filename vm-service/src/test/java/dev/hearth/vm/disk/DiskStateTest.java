package dev.hearth.vm.disk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.hearth.vm.Fixtures;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

class DiskStateTest {

    @Test
    void waitsWhileCdiReportsNothing() {
        DiskState state = DiskState.of("vm-disk-a", dataVolume("{}"));

        assertThat(state)
                .isEqualTo(new DiskState(
                        null,
                        null,
                        false,
                        "WaitingForDataVolume",
                        "waiting for CDI to report on DataVolume vm-disk-a"));
    }

    @Test
    void mirrorsPhaseAndProgressOfAnImport() {
        DiskState state = DiskState.of("vm-disk-a", dataVolume("phase: ImportInProgress\nprogress: 45.20%"));

        assertThat(state)
                .isEqualTo(new DiskState(
                        "ImportInProgress",
                        "45.20%",
                        false,
                        "ImportInProgress",
                        "DataVolume vm-disk-a is ImportInProgress (45.20%)"));
    }

    @Test
    void isReadyWhenTheImportSucceeded() {
        DiskState state = DiskState.of("vm-disk-a", dataVolume("phase: Succeeded\nprogress: 100.0%"));

        assertThat(state.ready()).isTrue();
        assertThat(state.reason()).isEqualTo("Succeeded");
    }

    @Test
    void isReadyWhenStorageBindsOnFirstConsumer() {
        assertThat(DiskState.of("vm-disk-a", dataVolume("phase: WaitForFirstConsumer"))
                        .ready())
                .isTrue();
    }

    @Test
    void explainsAFailureWithCdisMessage() {
        DiskState state = DiskState.of("vm-disk-a", dataVolume("""
                phase: Failed
                conditions:
                - {type: Bound, status: "True"}
                - {type: Running, status: "False", reason: Error, message: "Unable to connect to http data source: 404 Not Found"}
                """));

        assertThat(state)
                .isEqualTo(new DiskState(
                        "Failed",
                        null,
                        false,
                        "DataVolumeFailed",
                        "DataVolume vm-disk-a failed: Unable to connect to http data source: 404 Not Found"));
    }

    private static GenericKubernetesResource dataVolume(String statusYaml) {
        GenericKubernetesResource dataVolume = new GenericKubernetesResource();
        dataVolume.setAdditionalProperty("status", Fixtures.yamlMap(statusYaml));
        return dataVolume;
    }
}
