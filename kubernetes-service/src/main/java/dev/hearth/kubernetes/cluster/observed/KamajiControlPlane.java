package dev.hearth.kubernetes.cluster.observed;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * The Kamaji control plane, watched for its version and ready replicas.
 * Typed only by its group, version and kind, so that its informer needs no API discovery (the service starts
 * without a reachable API server); its content stays generic.
 */
@Group("controlplane.cluster.x-k8s.io")
@Version("v1alpha1")
@Kind("KamajiControlPlane")
@Plural("kamajicontrolplanes")
public class KamajiControlPlane extends GenericKubernetesResource implements Namespaced {}
