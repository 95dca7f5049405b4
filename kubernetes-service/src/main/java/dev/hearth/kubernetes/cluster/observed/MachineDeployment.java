package dev.hearth.kubernetes.cluster.observed;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A node group's MachineDeployment, watched for its replicas.
 * Typed only by its group, version and kind, so that its informer needs no API discovery (the service starts
 * without a reachable API server); its content stays generic.
 */
@Group("cluster.x-k8s.io")
@Version("v1beta1")
@Kind("MachineDeployment")
@Plural("machinedeployments")
public class MachineDeployment extends GenericKubernetesResource implements Namespaced {}
