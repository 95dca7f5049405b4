package dev.hearth.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Least privilege, checked from what the service really did: its module's API-server tests ran it as its
 * ServiceAccount (KubeApiServerTestResource), with the RBAC of the platform chart, and the test API server logged each
 * request of that account ({@link AuditLog}). Failsafe runs this class after them (root pom, execution
 * {@code rbac-usage}). It fails when the account was refused anything (a permission the chart lacks, even one the
 * service tolerated) and when a rule grants a verb no test used (a permission the service does not need) — unless the
 * subclass names it in {@link #grantedWithoutTestUse} with the reason.
 */
public abstract class RbacUsageContract {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    /** Grants no test exercises, each with its reason: {@code "<verb> <group>/<resource>" -> why}. */
    protected Map<String, String> grantedWithoutTestUse() {
        return Map.of();
    }

    @Test
    void theServiceAccountWasRefusedNothingAndUsedEveryGrant() {
        String service = System.getProperty("hearth.service", "");
        assertThat(service).as("system property hearth.service (root pom)").isNotBlank();
        String user = "system:serviceaccount:" + PlatformChart.NAMESPACE + ":" + service;
        // a request made as another user (impersonation) is that user's to be refused; the account used only its
        // right to impersonate that user and those groups
        List<AuditLog.Request> requests = auditLogs().stream()
                .flatMap(log -> AuditLog.read(log).stream())
                .filter(r -> r.user().equals(user))
                .flatMap(r -> r.impersonatedUser().isEmpty() ? Stream.of(r) : impersonations(r))
                .toList();
        assertThat(requests)
                .as("requests of %s in the audit logs of target/ (did the API-server tests run first?)", user)
                .isNotEmpty();

        Set<String> refused = new TreeSet<>();
        for (AuditLog.Request request : requests) {
            if (request.refused()) {
                refused.add(request.verb() + " " + requested(request) + " in " + scope(request.namespace()));
            }
        }
        assertThat(refused)
                .as(
                        "requests of %s the platform chart's RBAC refused: add a rule to templates/rbac-%s.yaml",
                        user, service)
                .isEmpty();

        Set<String> unused = new TreeSet<>();
        for (Grant grant : grants(service)) {
            boolean used = requests.stream().anyMatch(grant::allows);
            // the Lease: leader election runs in the prod profile only, which the API-server tests do not use
            boolean lease = grant.group().equals("coordination.k8s.io")
                    && grant.resource().equals("leases");
            if (!used && !lease && !grantedWithoutTestUse().containsKey(grant.key())) {
                unused.add(grant.key());
            }
        }
        assertThat(unused)
                .as(
                        "grants of templates/rbac-%s.yaml that no test of %s used: remove them, or name them with a reason "
                                + "in grantedWithoutTestUse()",
                        service, service)
                .isEmpty();
    }

    private static Stream<AuditLog.Request> impersonations(AuditLog.Request request) {
        Stream<AuditLog.Request> asUser = Stream.of(impersonate(request, "users", request.impersonatedUser()));
        return Stream.concat(
                asUser,
                request.impersonatedGroups().stream()
                        .filter(group -> !group.equals("system:authenticated"))
                        .map(group -> impersonate(request, "groups", group)));
    }

    private static AuditLog.Request impersonate(AuditLog.Request request, String resource, String name) {
        return new AuditLog.Request(
                request.user(),
                "",
                List.of(),
                request.userAgent(),
                "impersonate",
                "",
                resource,
                "",
                "",
                name,
                "allow",
                200);
    }

    private static List<Path> auditLogs() {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("kube-audit-\\d+\\.log"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One verb on one resource that a rule of the service's (Cluster)Roles grants. */
    record Grant(String verb, String group, String resource, Set<String> names, String namespace) {
        String key() {
            return verb + " " + (group.isEmpty() ? "core" : group) + "/" + resource
                    + (names.isEmpty() ? "" : " " + names)
                    + (namespace == null ? "" : " in " + namespace);
        }

        /**
         * A server-side apply of an object that does not exist yet creates it: the audit log records a {@code patch}, and
         * the authorizer also asks for {@code create}. So a {@code create} grant counts as used by such a patch.
         */
        boolean allows(AuditLog.Request request) {
            boolean verbMatches = verb.equals(request.verb())
                    || (verb.equals("create") && request.verb().equals("patch"));
            return verbMatches
                    && group.equals(request.group())
                    && resource.equals(requested(request))
                    && (names.isEmpty() || names.contains(request.name()))
                    && (namespace == null || namespace.equals(request.namespace()));
        }
    }

    private static List<Grant> grants(String service) {
        List<Grant> grants = new ArrayList<>();
        for (GenericKubernetesResource role : PlatformChart.identityOf(service)) {
            if (!role.getKind().equals("ClusterRole") && !role.getKind().equals("Role")) {
                continue;
            }
            String namespace =
                    role.getKind().equals("Role") ? role.getMetadata().getNamespace() : null;
            Object rules = role.getAdditionalProperties().get("rules");
            for (Object raw : rules == null ? List.of() : (List<?>) rules) {
                PolicyRule rule = SERIALIZATION.convertValue(raw, PolicyRule.class);
                assertThat(rule.getVerbs())
                        .as("a verb of %s", role.getMetadata().getName())
                        .doesNotContain("*");
                assertThat(rule.getResources())
                        .as("a resource of %s", role.getMetadata().getName())
                        .doesNotContain("*");
                for (String group : rule.getApiGroups()) {
                    for (String resource : rule.getResources()) {
                        for (String verb : rule.getVerbs()) {
                            grants.add(new Grant(
                                    verb, group, resource, new TreeSet<>(rule.getResourceNames()), namespace));
                        }
                    }
                }
            }
        }
        return grants;
    }

    private static String requested(AuditLog.Request request) {
        return request.subresource().isEmpty() ? request.resource() : request.resource() + "/" + request.subresource();
    }

    private static String scope(String namespace) {
        return namespace.isEmpty() ? "the cluster" : "namespace " + namespace;
    }
}
