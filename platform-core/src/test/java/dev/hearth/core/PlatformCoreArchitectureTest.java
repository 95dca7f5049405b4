package dev.hearth.core;

import dev.hearth.core.testing.ArchitectureContract;

class PlatformCoreArchitectureTest extends ArchitectureContract {
    @Override
    protected String rootPackage() {
        return "dev.hearth.core";
    }
}
