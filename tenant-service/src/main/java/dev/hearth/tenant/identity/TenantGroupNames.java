package dev.hearth.tenant.identity;

import java.util.Arrays;
import java.util.List;

import dev.hearth.core.tenant.AccessLevel;
import dev.hearth.core.tenant.TenantSubjects;

/**
 * The identity provider's groups of a tenant, one per level: {@code <tenant ns>-view|use|admin|super-admin}. Without
 * the prefix: the API server adds it when it maps a token's groups, and the RoleBindings name the prefixed form.
 */
public final class TenantGroupNames {
    private TenantGroupNames() {}

    public static List<String> of(String tenantNamespace) {
        return Arrays.stream(AccessLevel.values())
                .map(level -> TenantSubjects.groupName("", tenantNamespace, level))
                .toList();
    }
}
