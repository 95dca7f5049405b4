package dev.hearth.core.api.vm;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import dev.hearth.core.api.HearthStatus;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class VMInstanceStatus extends HearthStatus {
    @JsonPropertyDescription("The VirtualMachine's printable status (Running, Stopped, Provisioning, ...).")
    public String printableStatus;

    @JsonPropertyDescription("Whether the VM is running and ready.")
    public Boolean ready;

    @JsonPropertyDescription("IP addresses of the VM's interfaces.")
    public List<String> ipAddresses = new ArrayList<>();

    @JsonPropertyDescription("A change is applied only after the VM restarts.")
    public Boolean restartPending;
}
