package dev.hearth.vm.instance;

import java.util.List;

import dev.hearth.core.api.vm.VMInstance;
import dev.hearth.core.kube.ChildMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;

/**
 * The Service {@code vm-instance-<name>} of a VMInstance: headless inside the cluster, or a LoadBalancer forwarding
 * {@code externalPorts} when {@code external: true}. Pure: no I/O.
 */
public final class ServiceFor {

    private ServiceFor() {}

    public static boolean isHeadless(Service service) {
        return "None".equals(service.getSpec().getClusterIP());
    }

    /** @param fieldManager the service's field manager, which the managed-by label names */
    public static Service desired(VMInstance instance, String fieldManager) {
        ServiceBuilder service = new ServiceBuilder()
                .withMetadata(ChildMetadata.of(instance, VirtualMachineFor.name(instance), fieldManager));
        // external is false unless given (the CRD's default)
        if (Boolean.TRUE.equals(instance.getSpec().external)) {
            List<ServicePort> ports = instance.getSpec().externalPorts.stream()
                    .map(port -> new ServicePortBuilder()
                            .withName("port-" + port)
                            .withProtocol("TCP")
                            .withPort(port)
                            .withTargetPort(new IntOrString(port))
                            .build())
                    .toList();
            // Local keeps the client's source address, which a VM's own firewall and logs need
            return service.withNewSpec()
                    .withType("LoadBalancer")
                    .withExternalTrafficPolicy("Local")
                    .withSelector(VirtualMachineFor.podSelector(instance))
                    .withPorts(ports)
                    .endSpec()
                    .build();
        }
        return service.withNewSpec()
                .withType("ClusterIP")
                .withClusterIP("None")
                .withSelector(VirtualMachineFor.podSelector(instance))
                .endSpec()
                .build();
    }
}
