package dev.hearth.dashboard.access;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.hearth.core.tenant.AccessLevel;
import dev.hearth.dashboard.identity.Caller;

/** The tenants a caller may see: every cached tenant namespace it holds a level in, parents before children. */
@ApplicationScoped
public class VisibleTenants {
    @Inject
    TenantDirectory directory;

    @Inject
    TenantLevels levels;

    /** Tenant namespace → the caller's level there. */
    public Map<String, AccessLevel> of(Caller caller) {
        return levels.of(caller, directory.tenantNamespaces());
    }
}
