package dev.hearth.bundle.render;

/** The labels bundle-installer puts on what it writes: which bundle and component an object belongs to. */
public final class BundleLabels {
    public static final String BUNDLE = "platform.hearth.dev/bundle";
    public static final String COMPONENT = "platform.hearth.dev/component";
    public static final String FIELD_MANAGER = "hearth-bundle-installer";
    /** Where the sources and HelmReleases live; each release installs into its component's namespace. */
    public static final String NAMESPACE = "hearth-system";

    private BundleLabels() {}
}
