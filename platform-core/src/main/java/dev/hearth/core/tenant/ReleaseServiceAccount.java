package dev.hearth.core.tenant;

import java.util.List;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;

/**
 * The ServiceAccount every Helm release of a tenant is installed as (docs/design.md, "Tenants"): tenant-service creates
 * it in each tenant namespace, bound there only; apps-catalog names it in each HelmRelease's
 * {@code spec.serviceAccountName}, and helm-controller runs with {@code --default-service-account} set to it, so no
 * release in a tenant namespace acts with helm-controller's own (cluster-admin) rights.
 */
public final class ReleaseServiceAccount {
    public static final String NAME = "hearth-releases";

    /** The ClusterRole of {@link #rules()}, bound to the account in each tenant namespace by a RoleBinding of this name. */
    public static final String ROLE = "hearth:tenant-releases";

    /** Helm reads what it installed, writes it, and watches it while waiting for it to become ready. */
    public static final List<String> VERBS = List.of("get", "list", "watch", "create", "update", "patch", "delete");

    /** What Helm only reads, to tell whether what it installed is ready. */
    public static final List<String> READ = List.of("get", "list", "watch");

    private ReleaseServiceAccount() {}

    /**
     * What the account may do in its namespace: exactly the namespaced kinds the app and module charts of
     * {@code deploy/charts/apps} render, plus Secrets, where Helm keeps its release records. No {@code *}, no RBAC
     * kinds (no chart renders a Role, so neither {@code bind} nor {@code escalate}), no pods (charts render workloads;
     * their controllers create the pods). A chart that renders a kind not listed here fails to install, with
     * helm-controller's message naming it.
     */
    public static List<PolicyRule> rules() {
        return List.of(
                // Secrets also hold Helm's release records
                rule("", "configmaps", "secrets", "services"),
                rule("apps", "deployments", "statefulsets"),
                // read only: Helm waits for a Deployment through its newest ReplicaSet
                new PolicyRuleBuilder()
                        .withApiGroups("apps")
                        .withResources("replicasets")
                        .withVerbs(READ)
                        .build(),
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
