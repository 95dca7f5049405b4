package dev.hearth.core.api.vm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import dev.hearth.core.api.Quantities;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Quantity;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class VMResources {
    @JsonPropertyDescription("CPU cores.")
    @Required
    @Min(1)
    @Max(256)
    public Integer cpu;

    @JsonPropertyDescription("CPU sockets.")
    @Default("1")
    @Min(1)
    @Max(16)
    public Integer sockets;

    @JsonPropertyDescription("Memory, e.g. 4Gi.")
    @Required
    @ValidationRule(value = Quantities.POSITIVE, message = Quantities.POSITIVE_MESSAGE)
    public Quantity memory;
}
