package dev.hearth.vm;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * The KubeVirt and CDI kinds this service creates or watches. fabric8 has no typed model for them: these untyped
 * classes only name the kind, so that informers start without API discovery (which would fail, and stop the
 * service, while the API server is unreachable).
 */
public final class Upstream {

    private Upstream() {}

    public static String apiVersion(Class<? extends HasMetadata> kind) {
        return HasMetadata.getApiVersion(kind);
    }

    public static String kind(Class<? extends HasMetadata> kind) {
        return HasMetadata.getKind(kind);
    }

    @Group("cdi.kubevirt.io")
    @Version("v1beta1")
    @Kind("DataVolume")
    @Plural("datavolumes")
    public static class DataVolume extends GenericKubernetesResource implements Namespaced {}

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
}
