package dev.hearth.catalog.charts;

import java.util.Map;

import dev.hearth.core.tenant.ReleaseServiceAccount;
import dev.hearth.core.testing.KubeApiServerTestResource;

/**
 * The shared API server as the tests of apps-catalog with real Flux need it: every upstream CRD, kube-controller-manager,
 * and source-controller and helm-controller with {@code --default-service-account=hearth-releases}, as in production.
 * One class for them all, so Quarkus starts apps-catalog once for every such test class.
 */
public class ProductionFlux extends KubeApiServerTestResource {
    @Override
    public void init(Map<String, String> initArgs) {
        super.init(Map.of(
                "flux", "true",
                "fluxDefaultServiceAccount", ReleaseServiceAccount.NAME,
                "controllerManager", "true",
                "upstreamCrds", "all"));
    }
}
