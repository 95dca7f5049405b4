package dev.hearth.vm;

import dev.hearth.core.testing.ArchitectureContract;

/** No package cycle between dev.hearth.vm, disk and instance, and no import of another service. */
class VmServiceArchitectureTest extends ArchitectureContract {
    @Override
    protected String rootPackage() {
        return "dev.hearth.vm";
    }
}
