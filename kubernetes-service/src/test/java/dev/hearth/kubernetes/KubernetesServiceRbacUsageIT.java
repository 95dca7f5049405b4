package dev.hearth.kubernetes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.hearth.core.testing.RbacUsageContract;

/** kubernetes-service's RBAC holds exactly what its tests made it do (runs after them: root pom, rbac-usage). */
class KubernetesServiceRbacUsageIT extends RbacUsageContract {
    private static final String ESCALATION =
            "granted by a Role kubernetes-service writes (the cluster autoscaler's, the admin kubeconfig reader's): "
                    + "Kubernetes lets it write that Role only while it holds the same right";

    @Override
    protected Map<String, String> grantedWithoutTestUse() {
        Map<String, String> granted = new HashMap<>();
        granted.put("get core/secrets", ESCALATION);
        for (String resource :
                List.of("machinedeployments", "machinedeployments/scale", "machinesets", "machines", "machinepools")) {
            for (String verb : List.of("get", "list", "watch", "update", "patch")) {
                granted.put(verb + " cluster.x-k8s.io/" + resource, ESCALATION);
            }
        }
        for (String verb : List.of("get", "list", "watch")) {
            granted.put(verb + " infrastructure.cluster.x-k8s.io/kubevirtmachinetemplates", ESCALATION);
        }
        return granted;
    }
}
