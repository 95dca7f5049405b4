package dev.hearth.core.api.kubernetes;

import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import dev.hearth.core.api.HearthStatus;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class KubernetesStatus extends HearthStatus {
    @JsonPropertyDescription("Phase of the Cluster API Cluster (Pending, Provisioning, Provisioned, Deleting, Failed).")
    public String phase;

    @JsonPropertyDescription("The Kubernetes release the control plane runs.")
    public String version;

    @JsonPropertyDescription("The Secret holding the admin kubeconfig: kubernetes-<name>-admin-kubeconfig.")
    public String kubeconfigSecret;

    @JsonPropertyDescription("URL of the cluster's API server.")
    public String apiEndpoint;

    @JsonPropertyDescription("Node count of each node group.")
    public Map<String, NodeGroupStatus> nodeGroups = new TreeMap<>();
}
