package dev.hearth.vm.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.hearth.core.api.vm.RunStrategy;
import dev.hearth.core.api.vm.VMInstance;
import dev.hearth.vm.Fixtures;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

class InstanceStateTest {
    private final VMInstance instance = instance(RunStrategy.Always);

    @Test
    void waitsUntilKubeVirtReports() {
        InstanceState state = InstanceState.of(instance, withStatus("{}"), null);

        assertThat(state)
                .isEqualTo(new InstanceState(
                        null,
                        false,
                        List.of(),
                        false,
                        false,
                        "WaitingForVirtualMachine",
                        "waiting for KubeVirt to report on VirtualMachine vm-instance-web"));
    }

    @Test
    void mirrorsARunningVmAndTheAddressesOfItsInstance() {
        InstanceState state =
                InstanceState.of(instance, withStatus("printableStatus: Running\nready: true"), withStatus("""
                interfaces:
                - {name: default, ipAddress: 10.244.0.7, ipAddresses: [10.244.0.7, "fd00::7"]}
                - {name: extra, ipAddress: 192.168.1.4}
                """));

        assertThat(state)
                .isEqualTo(new InstanceState(
                        "Running",
                        true,
                        List.of("10.244.0.7", "fd00::7", "192.168.1.4"),
                        false,
                        true,
                        "Running",
                        "the VM is running"));
    }

    @Test
    void saysARestartIsPending() {
        InstanceState state = InstanceState.of(instance, withStatus("""
                printableStatus: Running
                ready: true
                conditions:
                - {type: Ready, status: "True"}
                - {type: RestartRequired, status: "True", message: "a non-live-updatable field was changed in the template spec"}
                """), null);

        assertThat(state.restartPending()).isTrue();
        assertThat(state.message())
                .isEqualTo("the VM is running; a change waits for a restart of the VM to take effect");
    }

    @Test
    void explainsWhyAVmDoesNotRun() {
        InstanceState state = InstanceState.of(instance, withStatus("""
                printableStatus: ErrorUnschedulable
                conditions:
                - {type: Ready, status: "False", reason: Unschedulable, message: "0/3 nodes are available: 3 Insufficient memory."}
                """), null);

        assertThat(state)
                .isEqualTo(
                        new InstanceState(
                                "ErrorUnschedulable",
                                false,
                                List.of(),
                                false,
                                false,
                                "ErrorUnschedulable",
                                "VirtualMachine vm-instance-web is ErrorUnschedulable: 0/3 nodes are available: 3 Insufficient memory."));
    }

    @Test
    void aHaltedVmThatIsStoppedIsWhatWasAskedFor() {
        InstanceState halted =
                InstanceState.of(instance(RunStrategy.Halted), withStatus("printableStatus: Stopped"), null);
        InstanceState crashed = InstanceState.of(instance, withStatus("printableStatus: Stopped"), null);

        assertThat(halted.ready()).isTrue();
        assertThat(halted.reason()).isEqualTo("Stopped");
        assertThat(crashed.ready()).isFalse();
    }

    private static VMInstance instance(RunStrategy runStrategy) {
        VMInstance instance = new VMInstance();
        instance.setMetadata(new ObjectMetaBuilder()
                .withName("web")
                .withNamespace("tenant-foo")
                .build());
        instance.getSpec().runStrategy = runStrategy;
        return instance;
    }

    private static GenericKubernetesResource withStatus(String statusYaml) {
        GenericKubernetesResource resource = new GenericKubernetesResource();
        resource.setAdditionalProperty("status", Fixtures.yamlMap(statusYaml));
        return resource;
    }
}
