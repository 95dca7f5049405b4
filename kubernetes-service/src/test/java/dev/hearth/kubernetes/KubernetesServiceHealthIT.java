package dev.hearth.kubernetes;

import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.core.testing.ServiceHealthContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(
        value = KubeApiServerTestResource.class,
        // the operator watches Cluster API and Kamaji objects: ready means their informers run too
        initArgs =
                @ResourceArg(
                        name = "upstreamCrds",
                        value = "cluster.x-k8s.io,controlplane.cluster.x-k8s.io,infrastructure.cluster.x-k8s.io,"
                                + "bootstrap.cluster.x-k8s.io,helm.toolkit.fluxcd.io,kamaji.clastix.io"))
class KubernetesServiceHealthIT extends ServiceHealthContract {}
