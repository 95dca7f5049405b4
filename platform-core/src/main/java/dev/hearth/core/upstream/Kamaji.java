package dev.hearth.core.upstream;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * The Kamaji kinds: the datastores tenant control planes keep their state in, and the control planes.
 * Content stays generic (see {@link Upstream}); the classes only name the kinds.
 */
public final class Kamaji {

    @Group("kamaji.clastix.io")
    @Version("v1alpha1")
    @Kind("DataStore")
    @Plural("datastores")
    public static class DataStore extends GenericKubernetesResource {}

    @Group("kamaji.clastix.io")
    @Version("v1alpha1")
    @Kind("TenantControlPlane")
    @Plural("tenantcontrolplanes")
    public static class TenantControlPlane extends GenericKubernetesResource implements Namespaced {}

    private Kamaji() {}
}
