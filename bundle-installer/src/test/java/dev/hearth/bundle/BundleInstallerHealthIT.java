package dev.hearth.bundle;

import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.core.testing.ServiceHealthContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(KubeApiServerTestResource.class)
class BundleInstallerHealthIT extends ServiceHealthContract {}
