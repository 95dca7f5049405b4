package dev.hearth.core.api;

/** API groups, versions and the category every Hearth kind belongs to. */
public final class ApiGroups {
    /** Namespaced kinds that tenant users create. */
    public static final String APPS = "apps.hearth.dev";
    /** Cluster-scoped kinds that administrators manage. */
    public static final String PLATFORM = "platform.hearth.dev";

    public static final String VERSION = "v1alpha1";
    /** {@code kubectl get hearth} lists every Hearth kind. */
    public static final String CATEGORY = "hearth";

    private ApiGroups() {}
}
