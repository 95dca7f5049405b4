package dev.hearth.bundle;

import java.util.Map;

import dev.hearth.core.testing.RbacUsageContract;

/**
 * bundle-installer's RBAC holds exactly what its tests made it do (runs after them: root pom, rbac-usage): it writes
 * Flux sources, HelmReleases and namespaces and reads readiness; helm-controller, not the installer, installs the
 * charts, so it holds no right on what they contain.
 */
class BundleInstallerRbacUsageIT extends RbacUsageContract {
    @Override
    protected Map<String, String> grantedWithoutTestUse() {
        return Map.of(
                "get apps/deployments",
                "readiness expressions deployment:<namespace>/<name>; the test API server has no kubelet, so no "
                        + "Deployment is ever available there and the test bundle waits on crd: expressions only");
    }
}
