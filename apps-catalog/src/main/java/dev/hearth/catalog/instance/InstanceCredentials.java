package dev.hearth.catalog.instance;

import java.util.Optional;
import java.util.function.Function;

import dev.hearth.core.DesiredState;
import dev.hearth.core.api.catalog.ApplicationDefinition;
import dev.hearth.core.kube.ServerSideApply;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.informers.cache.Cache;

/**
 * The credentials Role and RoleBinding of an instance ({@link CredentialsRoleFor}, {@link CredentialsRoleBindingFor}):
 * written when missing or different from the cache, deleted once the definition exposes nothing. Their owner
 * reference to the instance has the garbage collector delete them with it.
 */
final class InstanceCredentials {
    private final ServerSideApply apply;
    private final String groupPrefix;
    private final Function<String, Role> roles;
    private final Function<String, RoleBinding> roleBindings;

    /**
     * @param roles the cached credentials Roles by {@code namespace/name}
     * @param roleBindings the cached credentials RoleBindings by {@code namespace/name}
     */
    InstanceCredentials(
            ServerSideApply apply,
            String groupPrefix,
            Function<String, Role> roles,
            Function<String, RoleBinding> roleBindings) {
        this.apply = apply;
        this.groupPrefix = groupPrefix;
        this.roles = roles;
        this.roleBindings = roleBindings;
    }

    void reconcile(GenericKubernetesResource instance, ApplicationDefinition definition) {
        String key = Cache.namespaceKeyFunc(instance.getMetadata().getNamespace(), CredentialsRoleFor.name(instance));
        Optional<Role> role = CredentialsRoleFor.desired(instance, definition, apply.fieldManager());
        Optional<RoleBinding> binding =
                role.map(r -> CredentialsRoleBindingFor.desired(instance, groupPrefix, apply.fieldManager()));
        // the Role first: a binding to a Role that does not exist yet grants nothing, but reads as if it did
        write(role, roles.apply(key));
        write(binding, roleBindings.apply(key));
    }

    private <T extends HasMetadata> void write(Optional<T> desired, T cached) {
        if (desired.isEmpty()) {
            if (cached != null) {
                apply.delete(cached);
            }
        } else if (!DesiredState.satisfiedBy(desired.get(), cached)) {
            apply.createOrApply(desired.get(), cached);
        }
    }
}
