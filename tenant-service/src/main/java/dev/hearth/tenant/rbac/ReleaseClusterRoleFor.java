package dev.hearth.tenant.rbac;

import java.util.List;
import java.util.Map;

import dev.hearth.core.Labels;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;

/**
 * The ClusterRole {@code hearth:tenant-releases}: what a tenant's Helm releases may do, bound in each tenant namespace
 * only ({@link ReleaseRoleBindingFor}), so a release cannot touch another namespace or anything cluster-scoped.
 *
 * <p>The rules list exactly the namespaced kinds the app and module charts of {@code deploy/charts/apps} render, plus
 * Secrets, where Helm keeps its release records. No {@code *}, no RBAC kinds (no chart renders a Role, so the role
 * needs neither {@code bind} nor {@code escalate}), no pods (charts render workloads; their controllers create the
 * pods). A chart that renders a kind not listed here fails to install, with helm-controller's message naming it.
 */
public final class ReleaseClusterRoleFor {
    public static final String NAME = "hearth:tenant-releases";

    /** Helm reads what it installed, writes it, and watches it while waiting for it to become ready. */
    static final List<String> VERBS = List.of("get", "list", "watch", "create", "update", "patch", "delete");

    private ReleaseClusterRoleFor() {}

    public static ClusterRole desired(String serviceName) {
        return new ClusterRoleBuilder()
                .withNewMetadata()
                .withName(NAME)
                .withLabels(Map.of(Labels.MANAGED_BY, Labels.managedBy(serviceName)))
                .endMetadata()
                .withRules(rules())
                .build();
    }

    static List<PolicyRule> rules() {
        return List.of(
                // Secrets also hold Helm's release records
                rule("", "configmaps", "secrets", "services"),
                rule("apps", "deployments", "statefulsets"),
                rule("postgresql.cnpg.io", "clusters"),
                rule("databases.spotahome.com", "redisfailovers"),
                rule("k8s.mariadb.com", "mariadbs", "databases", "users", "grants"),
                rule("kafka.strimzi.io", "kafkas", "kafkatopics"),
                rule("rabbitmq.com", "rabbitmqclusters", "users", "vhosts", "permissions"),
                rule("clickhouse.altinity.com", "clickhouseinstallations"),
                rule("clickhouse-keeper.altinity.com", "clickhousekeeperinstallations"),
                rule("etcd-operator.cozystack.io", "etcdclusters"),
                rule("cert-manager.io", "certificates", "issuers"),
                // the module charts wrapping upstream charts (ingress, monitoring, nats, seaweedfs)
                rule("helm.toolkit.fluxcd.io", "helmreleases"),
                rule("source.toolkit.fluxcd.io", "helmrepositories"));
    }

    private static PolicyRule rule(String apiGroup, String... resources) {
        return new PolicyRuleBuilder()
                .withApiGroups(apiGroup)
                .withResources(resources)
                .withVerbs(VERBS)
                .build();
    }
}
