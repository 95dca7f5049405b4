package dev.hearth.bundle;

import dev.hearth.core.testing.ServiceWithoutApiServerContract;
import dev.hearth.core.testing.UnreachableApiServerProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(UnreachableApiServerProfile.class)
class BundleInstallerWithoutApiServerTest extends ServiceWithoutApiServerContract {}
