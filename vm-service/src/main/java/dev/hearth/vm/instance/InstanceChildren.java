package dev.hearth.vm.instance;

import java.util.List;

import jakarta.inject.Singleton;

import dev.hearth.core.api.vm.VMDisk;
import dev.hearth.core.api.vm.VMInstance;
import dev.hearth.core.kube.ServerSideApply;
import dev.hearth.core.upstream.KubeVirt;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;

/** Writes the objects of a VMInstance: its Secrets, its VirtualMachine and its Service. */
@Singleton
public class InstanceChildren {
    private final ServerSideApply serverSideApply;

    public InstanceChildren(ServerSideApply serverSideApply) {
        this.serverSideApply = serverSideApply;
    }

    public String fieldManager() {
        return serverSideApply.fieldManager();
    }

    /** Applies the Secrets the spec asks for and deletes the ones it no longer does (e.g. after removing every SSH key). */
    public void applySecrets(VMInstance instance) {
        String namespace = instance.getMetadata().getNamespace();
        serverSideApply.applyOrDelete(
                CloudInitSecretFor.desired(instance, fieldManager()),
                Secret.class,
                namespace,
                CloudInitSecretFor.name(instance));
        serverSideApply.applyOrDelete(
                SshKeysSecretFor.desired(instance, fieldManager()),
                Secret.class,
                namespace,
                SshKeysSecretFor.name(instance));
    }

    /** @param disks the instance's VMDisks, in boot order */
    public KubeVirt.VirtualMachine applyVirtualMachine(VMInstance instance, List<VMDisk> disks) {
        return serverSideApply.apply(VirtualMachineFor.desired(instance, disks, fieldManager()));
    }

    /**
     * A Service's clusterIP cannot change in place, so switching between headless and LoadBalancer deletes the old
     * Service first; false while it is still going away (a load balancer's cleanup finalizer can take a while).
     */
    public boolean applyService(VMInstance instance) {
        Service desired = ServiceFor.desired(instance, fieldManager());
        var existing = serverSideApply
                .client()
                .services()
                .inNamespace(desired.getMetadata().getNamespace())
                .withName(desired.getMetadata().getName());
        Service current = existing.get();
        if (current != null && ServiceFor.isHeadless(current) != ServiceFor.isHeadless(desired)) {
            serverSideApply.delete(current);
            if (existing.get() != null) {
                return false;
            }
        }
        serverSideApply.apply(desired);
        return true;
    }
}
