package dev.hearth.bundle;

import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.core.testing.ServiceHealthContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(
        value = KubeApiServerTestResource.class,
        // the operator watches Flux's HelmReleases and HelmRepositories: ready means their informers run too
        initArgs = @ResourceArg(name = "upstreamCrds", value = "helm.toolkit.fluxcd.io,source.toolkit.fluxcd.io"))
class BundleInstallerHealthIT extends ServiceHealthContract {}
