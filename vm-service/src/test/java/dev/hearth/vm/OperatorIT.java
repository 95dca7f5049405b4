package dev.hearth.vm;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeEach;

import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.core.testing.TestKubernetes;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * The set-up of the reconciler ITs (annotate the subclass {@code @QuarkusTest}): the running operator against a real
 * API server with the real KubeVirt and CDI CRDs, and a namespace of the test class's own as {@link #cluster}.
 */
@QuarkusTestResource(
        value = KubeApiServerTestResource.class,
        initArgs = @ResourceArg(name = "upstreamCrds", value = Fixtures.UPSTREAM_CRDS))
public abstract class OperatorIT {
    private static final Map<Class<?>, String> NAMESPACES = new ConcurrentHashMap<>();

    /** The admin client: the tests play the user and KubeVirt/CDI; the service acts as its ServiceAccount. */
    protected final KubernetesClient client = TestKubernetes.shared().client();

    protected OperatorFixture cluster;

    /** The prefix of the test class's namespace. */
    protected abstract String namespacePrefix();

    @BeforeEach
    void cluster() {
        String namespace = NAMESPACES.computeIfAbsent(
                getClass(), c -> TestKubernetes.shared().newNamespace(namespacePrefix()));
        cluster = new OperatorFixture(client, namespace);
    }
}
