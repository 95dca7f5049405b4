package dev.hearth.vm.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.hearth.core.api.vm.VMInstance;
import dev.hearth.core.testing.YamlFixtures;
import dev.hearth.core.upstream.GenericFields;

/** Given a VMInstance and its VMDisks, exactly these VirtualMachine, Secrets and Service (instance/<name>.golden.yaml). */
class VirtualMachineForTest {

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "typed", "maximal"})
    void mapsAnInstanceToItsObjects(String name) {
        InstanceFixture fixture = InstanceFixture.load(name);

        assertThat(fixture.actual()).isEqualTo(fixture.expected());
    }

    @Test
    void readsAnAbsentRunStrategyAndSocketsAsTheCrdDefaults() {
        VMInstance instance = YamlFixtures.parse("""
                apiVersion: apps.hearth.dev/v1alpha1
                kind: VMInstance
                metadata: {name: sized, namespace: tenant-foo}
                spec:
                  resources: {cpu: 2, memory: 4Gi}
                """, VMInstance.class);

        var vm = VirtualMachineFor.desired(instance, List.of(), InstanceFixture.FIELD_MANAGER);

        assertThat(GenericFields.string(vm, "spec", "runStrategy")).contains("Always");
        assertThat(GenericFields.at(vm, "spec", "template", "spec", "domain", "cpu"))
                .contains(Map.of("cores", 2, "sockets", 1));
    }
}
