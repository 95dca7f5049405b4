package dev.hearth.core.api.vm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class VMInstanceDisk {
    @JsonPropertyDescription("Name of a VMDisk in the same namespace.")
    @Required
    @Pattern("^[a-z]([-a-z0-9]*[a-z0-9])?$")
    public String name;

    @JsonPropertyDescription("Disk bus; KubeVirt's default (virtio) when empty.")
    public DiskBus bus;

    public VMInstanceDisk() {}

    public VMInstanceDisk(String name) {
        this.name = name;
    }

    public enum DiskBus {
        virtio,
        sata,
        scsi
    }
}
