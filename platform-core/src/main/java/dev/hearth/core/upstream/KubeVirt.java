package dev.hearth.core.upstream;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * The KubeVirt kinds of virtual machines.
 * Content stays generic (see {@link Upstream}); the classes only name the kinds.
 */
public final class KubeVirt {

    @Group("kubevirt.io")
    @Version("v1")
    @Kind("VirtualMachine")
    @Plural("virtualmachines")
    public static class VirtualMachine extends GenericKubernetesResource implements Namespaced {}

    @Group("kubevirt.io")
    @Version("v1")
    @Kind("VirtualMachineInstance")
    @Plural("virtualmachineinstances")
    public static class VirtualMachineInstance extends GenericKubernetesResource implements Namespaced {}

    private KubeVirt() {}
}
