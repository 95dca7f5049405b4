package dev.hearth.core.upstream;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * The Containerized Data Importer kinds of VM disks.
 * Content stays generic (see {@link Upstream}); the classes only name the kinds.
 */
public final class Cdi {

    @Group("cdi.kubevirt.io")
    @Version("v1beta1")
    @Kind("DataVolume")
    @Plural("datavolumes")
    public static class DataVolume extends GenericKubernetesResource implements Namespaced {}

    private Cdi() {}
}
