package dev.hearth.tenant;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.hearth.core.testing.RbacUsageContract;

/** tenant-service's RBAC holds exactly what its tests made it do (runs after them: root pom, rbac-usage). */
class TenantServiceRbacUsageIT extends RbacUsageContract {
    private static final String TENANT_ROLES = "[hearth:tenant-releases, hearth:tenant:admin, hearth:tenant:admin:own, "
            + "hearth:tenant:super-admin, hearth:tenant:super-admin:own, hearth:tenant:use, hearth:tenant:use:own, "
            + "hearth:tenant:view, hearth:tenant:view:own]";
    private static final String ESCALATION_CHECK =
            "asked by RBAC's own check inside a ClusterRole or RoleBinding write "
                    + "(the tenant roles grant what tenant-service does not hold), never a request of its own in the audit log";
    private static final String APPS = "deleting a tenant deletes the instances of every app kind; tenant-service's "
            + "tests run without apps-catalog, so only the kinds they serve themselves (vmdisks, etcds) are exercised";
    private static final String MODULES =
            "the ingress, monitoring and seaweedfs modules; tenant-service's tests exercise the etcd module "
                    + "(TenantModulesThroughFluxIT in apps-catalog installs ingress too, as admin)";

    @Override
    protected Map<String, String> grantedWithoutTestUse() {
        Map<String, String> granted = new HashMap<>();
        granted.put("bind rbac.authorization.k8s.io/clusterroles " + TENANT_ROLES, ESCALATION_CHECK);
        granted.put("escalate rbac.authorization.k8s.io/clusterroles " + TENANT_ROLES, ESCALATION_CHECK);
        granted.put(
                "get core/secrets",
                "the Role that lets a tenant's users read its kubeconfig Secret grants get on it: Kubernetes lets "
                        + "tenant-service write that Role only while it holds the same right");
        granted.put("delete core/serviceaccounts", "removing a release ServiceAccount that is no longer wanted");
        granted.put("delete networking.k8s.io/networkpolicies", "removing a NetworkPolicy that is no longer wanted");
        for (String kind : List.of(
                "clickhouses",
                "httpcaches",
                "ingresses",
                "kafkas",
                "kuberneteses",
                "mariadbs",
                "monitorings",
                "natses",
                "postgreses",
                "rabbitmqs",
                "redises",
                "seaweedfses",
                "tcpbalancers",
                "vminstances")) {
            granted.put("list apps.hearth.dev/" + kind, APPS);
            granted.put("delete apps.hearth.dev/" + kind, APPS);
        }
        for (String module : List.of("ingresses", "monitorings", "seaweedfses")) {
            for (String verb : List.of("get", "create", "patch")) {
                granted.put(verb + " apps.hearth.dev/" + module, MODULES);
            }
        }
        return granted;
    }
}
