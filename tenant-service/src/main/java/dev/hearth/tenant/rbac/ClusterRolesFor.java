package dev.hearth.tenant.rbac;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.hearth.core.Labels;
import dev.hearth.core.api.ApiGroups;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;

/**
 * The ClusterRoles {@code hearth:tenant:view|use|admin|super-admin}, bound per tenant namespace by RoleBindings.
 *
 * <p>Each role lists its own rules and those of every level below, so it is complete even where the
 * clusterrole-aggregation controller does not run; the labels {@code rbac.hearth.dev/aggregate-to-tenant-<level>}
 * let other components' roles (e.g. new catalog kinds) be aggregated into the same levels by an administrator.
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

    private ClusterRolesFor() {}

    public static List<ClusterRole> desired(String serviceName) {
        List<ClusterRole> roles = new ArrayList<>();
        for (AccessLevel level : AccessLevel.values()) {
            roles.add(role(level, serviceName));
        }
        return roles;
    }

    static ClusterRole role(AccessLevel level, String serviceName) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(Labels.MANAGED_BY, Labels.managedBy(serviceName));
        for (AccessLevel above : level.andAbove()) {
            labels.put(AGGREGATE_LABEL_PREFIX + above.id(), "true");
        }
        return new ClusterRoleBuilder()
                .withNewMetadata()
                .withName(level.clusterRoleName())
                .withLabels(labels)
                .endMetadata()
                .withRules(rulesIncludingBelow(level))
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
                        rule(ApiGroups.APPS, List.of("*"), READ),
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
                        rule(ApiGroups.APPS, List.of("*"), List.of("*")),
                        rule("kubevirt.io", List.of("virtualmachines"), List.of("*")));
        };
    }

    private static PolicyRule rule(String apiGroup, List<String> resources, List<String> verbs) {
        return new PolicyRuleBuilder()
                .withApiGroups(apiGroup)
                .withResources(resources)
                .withVerbs(verbs)
                .build();
    }
}
