package dev.hearth.core.api.kubernetes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import dev.hearth.core.api.Quantities;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Quantity;

/** Explicit CPU and memory. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Resources {
    @JsonPropertyDescription("CPU, e.g. 2 or 500m.")
    @Required
    @ValidationRule(value = Quantities.POSITIVE, message = Quantities.POSITIVE_MESSAGE)
    public Quantity cpu;

    @JsonPropertyDescription("Memory, e.g. 4Gi.")
    @Required
    @ValidationRule(value = Quantities.POSITIVE, message = Quantities.POSITIVE_MESSAGE)
    public Quantity memory;

    public Resources() {}

    public Resources(String cpu, String memory) {
        this.cpu = new Quantity(cpu);
        this.memory = new Quantity(memory);
    }
}
