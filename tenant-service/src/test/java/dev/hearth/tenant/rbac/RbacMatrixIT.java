package dev.hearth.tenant.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.hearth.core.api.ApiGroups;
import dev.hearth.core.tenant.AccessLevel;
import dev.hearth.core.tenant.TenantSubjects;
import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.tenant.Tenants;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The whole RBAC of a tenant, asked of the real API server with SubjectAccessReviews: every access level of tenant-foo
 * (and its ServiceAccount) × its own namespace, its child's, its sibling's and its parent's × every resource and
 * subresource the API server serves (discovered, with every upstream CRD installed) × every verb. The answers must be
 * exactly {@link #expected}, the policy of docs/design.md §3 written once here; {@link #forbidden} lists what no level
 * may ever do, and the policy itself is checked against it.
 */
@QuarkusTest
@QuarkusTestResource(
        value = KubeApiServerTestResource.class,
        initArgs = {
            @ResourceArg(name = "controllerManager", value = "true"),
            @ResourceArg(name = "upstreamCrds", value = "all")
        })
class RbacMatrixIT {
    private static final String TENANT = "tenant-foo";
    private static final Map<String, Relation> TARGETS = Map.of(
            "tenant-foo", Relation.OWN,
            "tenant-foo-bar", Relation.CHILD,
            "tenant-baz", Relation.SIBLING,
            "tenant-root", Relation.PARENT);
    private static final List<String> VERBS = List.of(
            "get",
            "list",
            "watch",
            "create",
            "update",
            "patch",
            "delete",
            "deletecollection",
            "bind",
            "escalate",
            "impersonate");
    private static final Set<String> READ = Set.of("get", "list", "watch");
    private static final Set<String> WRITE = Set.of("create", "update", "patch", "delete");

    enum Relation {
        OWN,
        CHILD,
        SIBLING,
        PARENT
    }

    /** A subject whose rights are checked: its name, groups, and the level it should hold in its tenant. */
    record Who(String user, List<String> groups, AccessLevel level) {}

    /** One resource as discovery serves it: {@code resource} may be {@code pods/exec}. */
    record Served(String group, String resource, boolean namespaced) {
        String key() {
            return (group.isEmpty() ? "core" : group) + "/" + resource;
        }
    }

    @BeforeAll
    static void tree() {
        // a catalog kind as apps-catalog serves it, so an app kind's /status is in the matrix
        LevelRoles.catalogKindCrd(
                new ResourceDefinitionContext.Builder()
                        .withGroup(ApiGroups.APPS)
                        .withVersion(ApiGroups.VERSION)
                        .withKind("Postgres")
                        .withPlural("postgreses")
                        .withNamespaced(true)
                        .build(),
                "Postgres");
        Tenants.fooBarBaz();
        LevelRoles.awaitAggregated();
    }

    @Test
    void everyLevelMayDoExactlyWhatThePolicySaysAndNothingElse() throws Exception {
        KubernetesClient admin = Tenants.client();
        List<Served> served = discover(admin);
        assertThat(served)
                .as("discovery reaches Hearth, Flux, Cluster API, KubeVirt and CDI kinds")
                .extracting(Served::group)
                .contains(
                        ApiGroups.APPS,
                        "helm.toolkit.fluxcd.io",
                        "cluster.x-k8s.io",
                        "kubevirt.io",
                        "cdi.kubevirt.io",
                        "rbac.authorization.k8s.io");

        List<Who> subjects = new ArrayList<>();
        for (AccessLevel level : AccessLevel.values()) {
            subjects.add(new Who(
                    "alice", List.of(TenantSubjects.groupName("", TENANT, level), "system:authenticated"), level));
        }
        // the tenant's own ServiceAccount holds every level, like a super-admin
        subjects.add(new Who(
                "system:serviceaccount:" + TENANT + ":" + TENANT,
                List.of("system:serviceaccounts", "system:serviceaccounts:" + TENANT, "system:authenticated"),
                AccessLevel.SUPER_ADMIN));

        List<Future<String>> answers = new ArrayList<>();
        int asked = 0;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Who who : subjects) {
                for (Served resource : served) {
                    List<String> scopes = new ArrayList<>();
                    if (resource.namespaced() || resource.resource().equals("namespaces")) {
                        scopes.addAll(TARGETS.keySet());
                    }
                    if (!resource.namespaced()) {
                        scopes.add("");
                    }
                    for (String namespace : scopes) {
                        for (String verb : VERBS) {
                            asked++;
                            answers.add(pool.submit(() -> mismatch(admin, who, namespace, resource, verb)));
                        }
                    }
                }
            }
            Set<String> mismatches = new TreeSet<>();
            for (Future<String> answer : answers) {
                String mismatch = answer.get();
                if (mismatch != null) {
                    mismatches.add(mismatch);
                }
            }
            System.out.printf(
                    "RbacMatrixIT: %d access reviews over %d served resources, %d subjects, %d verbs%n",
                    asked, served.size(), subjects.size(), VERBS.size());
            assertThat(mismatches)
                    .as("answers of the API server that differ from the policy")
                    .isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    /** The policy never grants what no level may ever do, whatever the served resources. */
    @Test
    void thePolicyGrantsNothingForbidden() {
        Set<String> violations = new TreeSet<>();
        for (Served resource : discover(Tenants.client())) {
            for (AccessLevel level : AccessLevel.values()) {
                for (String verb : VERBS) {
                    if (expected(level, Relation.OWN, resource, verb) && forbidden(resource, verb)) {
                        violations.add(level.id() + " " + verb + " " + resource.key());
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    /** Null when the API server answers as {@link #expected}, else what differs. */
    private static String mismatch(KubernetesClient admin, Who who, String namespace, Served resource, String verb) {
        String[] parts = resource.resource().split("/", 2);
        SubjectAccessReview review = admin.authorization()
                .v1()
                .subjectAccessReview()
                .create(new SubjectAccessReviewBuilder()
                        .withNewSpec()
                        .withUser(who.user())
                        .withGroups(who.groups())
                        .withNewResourceAttributes()
                        .withNamespace(namespace)
                        .withGroup(resource.group())
                        .withResource(parts[0])
                        .withSubresource(parts.length > 1 ? parts[1] : null)
                        .withVerb(verb)
                        .endResourceAttributes()
                        .endSpec()
                        .build());
        boolean allowed = Boolean.TRUE.equals(review.getStatus().getAllowed());
        boolean expected = namespace.isEmpty()
                ? expectedClusterWide(resource, verb)
                : expected(who.level(), TARGETS.get(namespace), resource, verb);
        if (allowed == expected) {
            return null;
        }
        return String.format(
                "%s %s %s in %s: %s, the policy says %s",
                who.user() + who.groups(),
                verb,
                resource.key(),
                namespace.isEmpty() ? "the cluster" : namespace,
                allowed ? "allowed" : "denied",
                expected ? "allowed" : "denied");
    }

    /**
     * The policy (docs/design.md §3): in its own namespace and its descendants', a level holds its rules and those of the
     * levels below; in a sibling's or an ancestor's namespace, nothing.
     */
    static boolean expected(AccessLevel level, Relation relation, Served served, String verb) {
        if (relation == Relation.SIBLING || relation == Relation.PARENT) {
            return false;
        }
        String group = served.group();
        String resource = served.resource();
        boolean view = level.ordinal() >= AccessLevel.VIEW.ordinal();
        boolean use = level.ordinal() >= AccessLevel.USE.ordinal();
        boolean admin = level.ordinal() >= AccessLevel.ADMIN.ordinal();
        boolean superAdmin = level == AccessLevel.SUPER_ADMIN;
        return switch (group) {
            case ApiGroups.APPS -> {
                boolean adminKind = ClusterRolesFor.ADMIN_APP_RESOURCES.contains(resource);
                boolean superAdminKind = ClusterRolesFor.SUPER_ADMIN_APP_RESOURCES.contains(resource);
                boolean kind = adminKind || superAdminKind;
                yield kind
                        && (view && READ.contains(verb)
                                || WRITE.contains(verb) && (adminKind && admin || superAdminKind && superAdmin));
            }
            case "" ->
                view
                                && READ.contains(verb)
                                && Set.of(
                                                "pods",
                                                "pods/log",
                                                "services",
                                                "endpoints",
                                                "events",
                                                "resourcequotas",
                                                "limitranges",
                                                "persistentvolumeclaims")
                                        .contains(resource)
                        || admin && resource.equals("pods") && verb.equals("delete");
            case "discovery.k8s.io" -> view && READ.contains(verb) && resource.equals("endpointslices");
            case "networking.k8s.io" -> view && READ.contains(verb) && resource.equals("ingresses");
            case "events.k8s.io" -> view && READ.contains(verb) && resource.equals("events");
            case "rbac.authorization.k8s.io" ->
                view
                        && Set.of("get", "list").contains(verb)
                        && Set.of("roles", "rolebindings").contains(resource);
            case "kubevirt.io" ->
                use
                                && READ.contains(verb)
                                && Set.of("virtualmachines", "virtualmachineinstances")
                                        .contains(resource)
                        || superAdmin && WRITE.contains(verb) && resource.equals("virtualmachines");
            case "subresources.kubevirt.io" ->
                use
                        && switch (resource) {
                            case "virtualmachineinstances/console", "virtualmachineinstances/vnc" ->
                                Set.of("get", "list").contains(verb);
                            case "virtualmachineinstances/portforward" ->
                                Set.of("get", "update").contains(verb);
                            case "virtualmachines/start", "virtualmachines/stop", "virtualmachines/restart" ->
                                verb.equals("update");
                            default -> false;
                        };
            default -> false;
        };
    }

    /** Cluster-scoped: what every authenticated user holds by the API server's defaults, and nothing of Hearth's. */
    static boolean expectedClusterWide(Served served, String verb) {
        return verb.equals("create")
                && (served.group().equals("authorization.k8s.io")
                                && Set.of("selfsubjectaccessreviews", "selfsubjectrulesreviews")
                                        .contains(served.resource())
                        || served.group().equals("authentication.k8s.io")
                                && served.resource().equals("selfsubjectreviews"));
    }

    /** What no tenant level may ever do (issue 12's list), independent of the policy above. */
    static boolean forbidden(Served served, String verb) {
        boolean write = !READ.contains(verb);
        String group = served.group();
        String resource = served.resource();
        if (Set.of("bind", "escalate", "impersonate", "deletecollection").contains(verb)) {
            return true;
        }
        if (resource.endsWith("/status") || resource.equals("pods/exec") || resource.equals("pods/attach")) {
            return true;
        }
        if (resource.equals("secrets") || resource.equals("serviceaccounts/token")) {
            return true;
        }
        if (!write) {
            return false;
        }
        return group.equals("rbac.authorization.k8s.io")
                || group.isEmpty()
                        && Set.of("resourcequotas", "limitranges", "namespaces", "serviceaccounts", "pods/log")
                                .contains(resource)
                || group.equals("networking.k8s.io") && resource.equals("networkpolicies")
                || group.endsWith("toolkit.fluxcd.io")
                || group.endsWith("cluster.x-k8s.io")
                || group.endsWith("clastix.io")
                || group.equals("cdi.kubevirt.io")
                || group.equals("kubevirt.io") && !resource.equals("virtualmachines");
    }

    /** Every resource and subresource of every served group version, once per group. */
    static List<Served> discover(KubernetesClient client) {
        Map<String, Served> served = new TreeMap<>();
        List<String> groupVersions = new ArrayList<>(List.of("v1"));
        for (APIGroup group : client.getApiGroups().getGroups()) {
            for (GroupVersionForDiscovery version : group.getVersions()) {
                groupVersions.add(version.getGroupVersion());
            }
        }
        for (String groupVersion : groupVersions) {
            APIResourceList list = client.getApiResources(groupVersion);
            String group = groupVersion.contains("/") ? groupVersion.substring(0, groupVersion.indexOf('/')) : "";
            for (APIResource resource : list.getResources()) {
                Served one = new Served(group, resource.getName(), Boolean.TRUE.equals(resource.getNamespaced()));
                served.putIfAbsent(one.key(), one);
            }
        }
        return List.copyOf(served.values());
    }
}
