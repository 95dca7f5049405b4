package dev.hearth.vm;

import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.core.testing.ServiceHealthContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Ready means API server reachable and informers synced, which needs the KubeVirt and CDI CRDs. */
@QuarkusTest
@QuarkusTestResource(
        value = KubeApiServerTestResource.class,
        initArgs = @ResourceArg(name = "upstreamCrds", value = Fixtures.UPSTREAM_CRDS))
class VmServiceHealthIT extends ServiceHealthContract {}
