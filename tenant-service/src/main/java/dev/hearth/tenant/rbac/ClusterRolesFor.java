package dev.hearth.tenant.rbac;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.hearth.core.Labels;
import dev.hearth.core.api.ApiGroups;
import dev.hearth.core.tenant.AccessLevel;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;

/**
 * The ClusterRoles {@code hearth:tenant:view|use|admin|super-admin}, bound per tenant namespace by RoleBindings.
 *
 * <p>Each level's role has an {@code aggregationRule} selecting {@code rbac.hearth.dev/aggregate-to-tenant-<level>:
 * "true"}; the clusterrole-aggregation controller of kube-controller-manager owns its {@code rules}. A level's own
 * explicit rules live in {@code hearth:tenant:<level>:own}, labelled for that level and every level above, so each
 * level includes the ones below. Another component (or an administrator) adds a kind added at runtime to a level the
 * same way: a ClusterRole with the label. No rule uses {@code *} and none grants a {@code /status} subresource:
 * status is what the services write and others trust (e.g. {@code status.services.etcd}).
 */
public final class ClusterRolesFor {
    public static final String AGGREGATE_LABEL_PREFIX = "rbac.hearth.dev/aggregate-to-tenant-";

    static final List<String> READ = List.of("get", "list", "watch");
    static final List<String> WRITE = List.of("create", "update", "patch", "delete");

    /** App kinds an admin manages: the typed kinds and the catalog's applications. Tenants and tenant modules are super-admin's. */
    static final List<String> ADMIN_APP_RESOURCES = List.of(
            "vmdisks",
            "vminstances",
            "kuberneteses",
            "buckets",
            "clickhouses",
            "foundationdbs",
            "harbors",
            "httpcaches",
            "kafkas",
            "kubernetesnodeses",
            "mariadbs",
            "mongodbs",
            "natses",
            "openbaos",
            "opensearches",
            "postgreses",
            "qdrants",
            "rabbitmqs",
            "redises",
            "tcpbalancers",
            "virtualprivateclouds",
            "vpns");

    /** What only a super-admin writes: child tenants and the tenant modules (catalog kinds of {@code TenantModule}). */
    static final List<String> SUPER_ADMIN_APP_RESOURCES =
            List.of("tenants", "etcds", "ingresses", "monitorings", "seaweedfses");

    /** Every app kind a tenant member may read, through the main resource only (status included, never /status). */
    static final List<String> ALL_APP_RESOURCES = concat(SUPER_ADMIN_APP_RESOURCES, ADMIN_APP_RESOURCES);

    private ClusterRolesFor() {}

    /** Per level: its own rules ({@code hearth:tenant:<level>:own}), then the aggregated level role. */
    public static List<ClusterRole> desired(String serviceName) {
        List<ClusterRole> roles = new ArrayList<>();
        for (AccessLevel level : AccessLevel.values()) {
            roles.add(ownRole(level, serviceName));
            roles.add(role(level, serviceName));
        }
        return roles;
    }

    /** {@code hearth:tenant:<level>:own}. */
    public static String ownRoleName(AccessLevel level) {
        return level.clusterRoleName() + ":own";
    }

    /** The label that aggregates a ClusterRole into {@code level}. */
    public static String aggregateLabel(AccessLevel level) {
        return AGGREGATE_LABEL_PREFIX + level.id();
    }

    /** The level's role: no rules of its own, the aggregation controller fills them from the labelled roles. */
    static ClusterRole role(AccessLevel level, String serviceName) {
        return new ClusterRoleBuilder()
                .withNewMetadata()
                .withName(level.clusterRoleName())
                .withLabels(Map.of(Labels.MANAGED_BY, Labels.managedBy(serviceName)))
                .endMetadata()
                .withNewAggregationRule()
                .addNewClusterRoleSelector()
                .addToMatchLabels(aggregateLabel(level), "true")
                .endClusterRoleSelector()
                .endAggregationRule()
                .build();
    }

    /** The level's explicit rules, aggregated into the level and every level above. */
    static ClusterRole ownRole(AccessLevel level, String serviceName) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(Labels.MANAGED_BY, Labels.managedBy(serviceName));
        for (AccessLevel above : level.andAbove()) {
            labels.put(aggregateLabel(above), "true");
        }
        return new ClusterRoleBuilder()
                .withNewMetadata()
                .withName(ownRoleName(level))
                .withLabels(labels)
                .endMetadata()
                .withRules(ownRules(level))
                .build();
    }

    /** The rules of {@code level} and of every level below it. */
    public static List<PolicyRule> rulesIncludingBelow(AccessLevel level) {
        List<PolicyRule> rules = new ArrayList<>();
        for (AccessLevel included : level.andBelow()) {
            rules.addAll(ownRules(included));
        }
        return rules;
    }

    /** What a level adds to the one below it (DESIGN.md §3). */
    static List<PolicyRule> ownRules(AccessLevel level) {
        return switch (level) {
            case VIEW ->
                List.of(
                        rule(ApiGroups.APPS, ALL_APP_RESOURCES, READ),
                        rule(
                                "",
                                List.of(
                                        "pods",
                                        "pods/log",
                                        "services",
                                        "endpoints",
                                        "events",
                                        "resourcequotas",
                                        "limitranges",
                                        "persistentvolumeclaims"),
                                READ),
                        rule("discovery.k8s.io", List.of("endpointslices"), READ),
                        rule("networking.k8s.io", List.of("ingresses"), READ),
                        rule("events.k8s.io", List.of("events"), READ),
                        rule("rbac.authorization.k8s.io", List.of("roles", "rolebindings"), List.of("get", "list")));
            case USE ->
                List.of(
                        rule(
                                "subresources.kubevirt.io",
                                List.of("virtualmachineinstances/console", "virtualmachineinstances/vnc"),
                                List.of("get", "list")),
                        rule(
                                "subresources.kubevirt.io",
                                List.of("virtualmachineinstances/portforward"),
                                List.of("get", "update")),
                        rule(
                                "subresources.kubevirt.io",
                                List.of("virtualmachines/start", "virtualmachines/stop", "virtualmachines/restart"),
                                List.of("update")),
                        rule("kubevirt.io", List.of("virtualmachines", "virtualmachineinstances"), READ));
            case ADMIN ->
                List.of(rule(ApiGroups.APPS, ADMIN_APP_RESOURCES, WRITE), rule("", List.of("pods"), List.of("delete")));
            case SUPER_ADMIN ->
                List.of(
                        rule(ApiGroups.APPS, SUPER_ADMIN_APP_RESOURCES, WRITE),
                        rule("kubevirt.io", List.of("virtualmachines"), WRITE));
        };
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    private static PolicyRule rule(String apiGroup, List<String> resources, List<String> verbs) {
        return new PolicyRuleBuilder()
                .withApiGroups(apiGroup)
                .withResources(resources)
                .withVerbs(verbs)
                .build();
    }
}
