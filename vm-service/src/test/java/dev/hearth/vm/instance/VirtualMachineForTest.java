package dev.hearth.vm.instance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Given a VMInstance and its VMDisks, exactly these VirtualMachine, Service and Secrets (instance/<name>.yaml). */
class VirtualMachineForTest {

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "typed", "maximal"})
    void mapsAnInstanceToItsObjects(String name) {
        InstanceFixture fixture = InstanceFixture.load(name);

        assertThat(fixture.actual()).isEqualTo(fixture.expected());
    }
}
