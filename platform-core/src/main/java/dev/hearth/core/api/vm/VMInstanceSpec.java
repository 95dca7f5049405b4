package dev.hearth.core.api.vm;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import dev.hearth.core.api.kubernetes.Gpu;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(
        value = "!(has(self.instanceType) && has(self.resources))",
        message = "set either instanceType (with an optional preference) or resources, not both")
@ValidationRule(
        value = "!has(self.externalPorts) || self.externalPorts.all(p, p >= 1 && p <= 65535)",
        message = "externalPorts must be between 1 and 65535")
public class VMInstanceSpec {

    @JsonPropertyDescription("How KubeVirt runs the VM.")
    @Default("Always")
    public RunStrategy runStrategy;

    @JsonPropertyDescription(
            "VirtualMachineClusterInstancetype, e.g. u1.medium; u1.medium when neither this nor resources is set.")
    @Pattern("^[a-z0-9]+\\.[a-z0-9]+$")
    public String instanceType;

    @JsonPropertyDescription("VirtualMachineClusterPreference, e.g. ubuntu.")
    @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
    public String preference;

    @JsonPropertyDescription("Explicit CPU cores, sockets and memory, instead of an instance type.")
    public VMResources resources;

    @JsonPropertyDescription("VMDisks of the same namespace, in boot order; a VM boots from the first.")
    @Required
    @Size(min = 1, max = 16)
    public List<VMInstanceDisk> disks = new ArrayList<>();

    @JsonPropertyDescription("GPUs passed through to the VM.")
    @Size(max = 8)
    public List<Gpu> gpus = new ArrayList<>();

    @JsonPropertyDescription("SSH public keys injected through cloud-init.")
    @Size(max = 32)
    public List<String> sshKeys = new ArrayList<>();

    @JsonPropertyDescription("cloud-init user data.")
    public String cloudInit;

    @JsonPropertyDescription("Changing the seed changes the VM's firmware UUID, so cloud-init runs again.")
    public String cloudInitSeed;

    @JsonPropertyDescription("Expose the VM outside the cluster through a LoadBalancer Service.")
    @Default("false")
    public Boolean external;

    @JsonPropertyDescription("PortList forwards only externalPorts; WholeIP forwards every port.")
    @Default("PortList")
    public ExternalMethod externalMethod;

    @JsonPropertyDescription("Ports forwarded when external is true.")
    @Size(max = 64)
    public List<Integer> externalPorts = new ArrayList<>(List.of(22));
}
