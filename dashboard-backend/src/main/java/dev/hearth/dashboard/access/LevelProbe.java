package dev.hearth.dashboard.access;

import java.util.List;

import dev.hearth.core.api.ApiGroups;
import dev.hearth.core.tenant.AccessLevel;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributes;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributesBuilder;

/**
 * The one question per access level whose answer says whether a caller holds it in a namespace: an action that
 * level's role grants and the level below does not (tenant-service's {@code ClusterRolesFor}, docs/tenant-service.md).
 * The API server answers it, so a level is what RBAC says, whichever binding or group gives it.
 *
 * @param level     the level the action proves
 * @param attribute the action, without namespace
 */
public record LevelProbe(AccessLevel level, ResourceAttributes attribute) {
    /** Highest level first: the first allowed one is the caller's level. */
    public static final List<LevelProbe> ALL = List.of(
            new LevelProbe(AccessLevel.SUPER_ADMIN, action(ApiGroups.APPS, "tenants", null, "create")),
            new LevelProbe(AccessLevel.ADMIN, action(ApiGroups.APPS, "vminstances", null, "create")),
            new LevelProbe(AccessLevel.USE, action("subresources.kubevirt.io", "virtualmachines", "start", "update")),
            new LevelProbe(AccessLevel.VIEW, action(ApiGroups.APPS, "tenants", null, "list")));

    /** The action in {@code namespace}. */
    public ResourceAttributes in(String namespace) {
        return new ResourceAttributesBuilder(attribute).withNamespace(namespace).build();
    }

    private static ResourceAttributes action(String group, String resource, String subresource, String verb) {
        return new ResourceAttributesBuilder()
                .withGroup(group)
                .withResource(resource)
                .withSubresource(subresource)
                .withVerb(verb)
                .build();
    }
}
