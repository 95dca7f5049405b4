package dev.hearth.core.tenant;

/**
 * The prefixes the API server puts before the OIDC username and each group of a token
 * ({@code AuthenticationConfiguration} {@code claimMappings.username.prefix} and {@code groups.prefix}, see
 * docs/dashboard-backend.md). One setting for every service: tenant-service and apps-catalog bind the groups
 * {@code <group prefix><ns>-<level>} ({@link TenantSubjects}), dashboard-backend impersonates
 * {@code <username prefix><preferred_username>} with the same groups. Both empty by default (no prefix).
 *
 * @param username what comes before {@code preferred_username}, e.g. {@code oidc:}
 * @param group    what comes before each group of the {@code groups} claim, e.g. {@code oidc:}
 */
public record OidcPrefixes(String username, String group) {
    /** The property of the group prefix, read by tenant-service ({@code TenantConfig}), apps-catalog and the dashboard. */
    public static final String GROUP_PREFIX_PROPERTY = "hearth.tenant.group-prefix";
    /** The property of the username prefix (the dashboard's impersonated users). */
    public static final String USERNAME_PREFIX_PROPERTY = "hearth.tenant.username-prefix";

    public OidcPrefixes {
        username = username == null ? "" : username;
        group = group == null ? "" : group;
    }

    /** The Kubernetes username of an OIDC user. */
    public String user(String preferredUsername) {
        return username + preferredUsername;
    }

    /** The Kubernetes group of an OIDC group. */
    public String group(String oidcGroup) {
        return group + oidcGroup;
    }
}
