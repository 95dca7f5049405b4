package dev.hearth.kubernetes;

import dev.hearth.core.testing.ArchitectureContract;

/** No package cycle in kubernetes-service, and no import of another service. */
class KubernetesServiceArchitectureTest extends ArchitectureContract {
    @Override
    protected String rootPackage() {
        return "dev.hearth.kubernetes";
    }
}
