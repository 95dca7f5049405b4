package dev.hearth.catalog.instance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.hearth.core.api.catalog.ApplicationDefinition;
import dev.hearth.core.api.catalog.Exposes;
import dev.hearth.core.kube.ChildMetadata;
import dev.hearth.core.naming.TenantNamespaceName;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;

/**
 * The Role {@code hearth:credentials:<kind>:<name>} that lets an app's tenant read what its definition {@code exposes}
 * (docs/apps-catalog.md, "Credentials"): {@code get} and {@code watch} on the exposed Secrets, {@code get} on the
 * exposed Services, each by name ({@code watch} by name is what {@code kubectl get secret x -w} needs). No
 * {@code list}: a plain list of the namespace's Secrets must stay refused, and one by name adds nothing to {@code get}.
 */
public final class CredentialsRoleFor {
    private CredentialsRoleFor() {}

    /** Also the name of the RoleBinding; the colons keep it apart from anything a chart names. */
    public static String name(GenericKubernetesResource instance) {
        return "hearth:credentials:" + instance.getKind().toLowerCase(Locale.ROOT) + ":"
                + instance.getMetadata().getName();
    }

    /**
     * Empty when the definition exposes nothing or the instance is in no tenant namespace (no tenant's users to bind):
     * a rule without resource names would grant every object of its resource, so none is ever written.
     *
     * @param fieldManager the service's field manager ({@code hearth-apps-catalog}), the value of the managed-by label
     */
    public static Optional<Role> desired(
            GenericKubernetesResource instance, ApplicationDefinition definition, String fieldManager) {
        if (!TenantNamespaceName.isTenantNamespace(instance.getMetadata().getNamespace())) {
            return Optional.empty();
        }
        Exposes exposes = definition.getSpec().exposes == null ? new Exposes() : definition.getSpec().exposes;
        String instanceName = instance.getMetadata().getName();
        List<PolicyRule> rules = new ArrayList<>();
        rule("secrets", exposes.secretsOf(instanceName), List.of("get", "watch"))
                .ifPresent(rules::add);
        rule("services", exposes.servicesOf(instanceName), List.of("get")).ifPresent(rules::add);
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RoleBuilder()
                .withMetadata(ChildMetadata.of(instance, name(instance), fieldManager))
                .withRules(rules)
                .build());
    }

    private static Optional<PolicyRule> rule(String resource, List<String> names, List<String> verbs) {
        if (names.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PolicyRuleBuilder()
                .withApiGroups("")
                .withResources(resource)
                .withResourceNames(names)
                .withVerbs(verbs)
                .build());
    }
}
