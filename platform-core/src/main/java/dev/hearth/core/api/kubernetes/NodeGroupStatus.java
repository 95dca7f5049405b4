package dev.hearth.core.api.kubernetes;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class NodeGroupStatus {
    public Integer replicas;
    public Integer readyReplicas;
}
