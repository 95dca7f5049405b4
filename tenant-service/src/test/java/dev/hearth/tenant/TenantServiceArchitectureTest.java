package dev.hearth.tenant;

import dev.hearth.core.testing.ArchitectureContract;

class TenantServiceArchitectureTest extends ArchitectureContract {
    @Override
    protected String rootPackage() {
        return "dev.hearth.tenant";
    }
}
