package dev.hearth.core.testing;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} at the shared real API server, with Hearth's CRDs installed. Arguments:
 * {@code controllerManager=true} starts kube-controller-manager; {@code upstreamCrds=all} or a comma-separated
 * list of groups installs upstream CRDs; {@code flux=true} starts Flux's source-controller and helm-controller
 * ({@link TestKubernetes#withFlux}), with helm-controller's {@code --default-service-account} set to
 * {@code fluxDefaultServiceAccount} when given. The service under test (system property {@code hearth.service}, set
 * by the root pom for each service module) acts as its ServiceAccount, with the RBAC of the platform chart
 * ({@link TestKubernetes#quarkusClientPropertiesAs}).
 *
 * <pre>{@code @QuarkusTestResource(value = KubeApiServerTestResource.class,
 *         initArgs = @ResourceArg(name = "upstreamCrds", value = "cluster.x-k8s.io,kamaji.clastix.io"))}</pre>
 */
public class KubeApiServerTestResource implements QuarkusTestResourceLifecycleManager {
    private Map<String, String> args = Map.of();

    @Override
    public void init(Map<String, String> initArgs) {
        this.args = initArgs;
    }

    @Override
    public Map<String, String> start() {
        TestKubernetes kubernetes = TestKubernetes.shared().withHearthCrds();
        if (Boolean.parseBoolean(args.getOrDefault("controllerManager", "false"))) {
            kubernetes.withControllerManager();
        }
        String upstream = args.getOrDefault("upstreamCrds", "");
        if ("all".equals(upstream)) {
            kubernetes.withAllUpstreamCrds();
        } else if (!upstream.isBlank()) {
            kubernetes.withUpstreamCrds(
                    Arrays.stream(upstream.split(",")).map(String::trim).toArray(String[]::new));
        }
        if (Boolean.parseBoolean(args.getOrDefault("flux", "false"))) {
            kubernetes.withFlux(FluxControllers.Options.defaults()
                    .withDefaultServiceAccount(args.get("fluxDefaultServiceAccount")));
        }
        // a service acts as its ServiceAccount with the rights the platform chart gives it (root pom: hearth.service)
        String service = System.getProperty("hearth.service", "");
        return new HashMap<>(
                service.isBlank()
                        ? kubernetes.quarkusClientProperties()
                        : kubernetes.quarkusClientPropertiesAs(service));
    }

    @Override
    public void stop() {
        // the API server is shared by every test of the JVM; a shutdown hook stops it
    }
}
