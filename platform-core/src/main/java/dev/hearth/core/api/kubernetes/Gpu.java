package dev.hearth.core.api.kubernetes;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** A GPU passed through to a VM. */
public class Gpu {
    @JsonPropertyDescription("Device name the platform permits, e.g. nvidia.com/AD102GL_L40S.")
    @Required
    @Pattern("^[a-zA-Z0-9.-]+/[a-zA-Z0-9._-]+$")
    public String name;

    public Gpu() {}

    public Gpu(String name) {
        this.name = name;
    }
}
