package dev.hearth.core.tenant;

/**
 * The ServiceAccount every Helm release of a tenant is installed as (docs/design.md, "Tenants"): tenant-service creates
 * it in each tenant namespace, bound there only; apps-catalog names it in each HelmRelease's
 * {@code spec.serviceAccountName}, and helm-controller runs with {@code --default-service-account} set to it, so no
 * release in a tenant namespace acts with helm-controller's own (cluster-admin) rights.
 */
public final class ReleaseServiceAccount {
    public static final String NAME = "hearth-releases";

    private ReleaseServiceAccount() {}
}
