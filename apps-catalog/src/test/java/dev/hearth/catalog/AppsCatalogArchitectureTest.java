package dev.hearth.catalog;

import dev.hearth.core.testing.ArchitectureContract;

class AppsCatalogArchitectureTest extends ArchitectureContract {
    @Override
    protected String rootPackage() {
        return "dev.hearth.catalog";
    }
}
