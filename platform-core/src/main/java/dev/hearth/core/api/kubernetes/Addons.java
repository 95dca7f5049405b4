package dev.hearth.core.api.kubernetes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class Addons {
    @JsonPropertyDescription("The CNI (Cilium); always installed.")
    public BuiltInAddon cilium = new BuiltInAddon();

    @JsonPropertyDescription("CoreDNS; always installed.")
    public BuiltInAddon coredns = new BuiltInAddon();

    @JsonPropertyDescription("metrics-server; always installed.")
    public BuiltInAddon metricsServer = new BuiltInAddon();

    @JsonPropertyDescription("cert-manager and its CRDs.")
    public Addon certManager = new Addon();

    @JsonPropertyDescription("ingress-nginx.")
    public Addon ingressNginx = new Addon();

    @JsonPropertyDescription("Monitoring agents (vmagent, fluent-bit) shipping to the tenant's monitoring.")
    public Addon monitoringAgents = new Addon();

    @JsonPropertyDescription("NVIDIA GPU operator.")
    public Addon gpuOperator = new Addon();

    @JsonPropertyDescription("Velero backups.")
    public Addon velero = new Addon();
}
