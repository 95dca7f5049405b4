package dev.hearth.kubernetes.cluster.observed;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * The Cluster API Cluster, watched for its phase, conditions and control-plane endpoint.
 * Typed only by its group, version and kind, so that its informer needs no API discovery (the service starts
 * without a reachable API server); its content stays generic.
 */
@Group("cluster.x-k8s.io")
@Version("v1beta1")
@Kind("Cluster")
@Plural("clusters")
public class ClusterApiCluster extends GenericKubernetesResource implements Namespaced {}
