package dev.hearth.bundle.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.hearth.bundle.model.Bundle;
import dev.hearth.bundle.model.Component;
import dev.hearth.bundle.plan.WantedValues;
import dev.hearth.bundle.validation.ChartSchema;
import dev.hearth.core.api.platform.PlatformSpec;

/**
 * The values each enabled component would be installed with (the bundle's, the administrator's over them, both over
 * the chart's own defaults) checked against its chart's {@code values.schema.json} where the chart ships one, before
 * anything is applied.
 */
@ApplicationScoped
public class ComponentValues {
    private final ChartSchemas schemas;

    public ComponentValues(ChartSchemas schemas) {
        this.schemas = schemas;
    }

    /** Every violation, naming the component and the key; empty when every component's values fit. */
    public List<String> problems(Bundle bundle, String variant, PlatformSpec spec) {
        return problems(bundle, variant, spec, c -> schemas.of(c.chart()));
    }

    /**
     * {@link #problems(Bundle, String, PlatformSpec)}, handing {@code notChecked} each component whose chart's schema
     * cannot be read now, and why, instead of the service's warning: the command line prints it.
     */
    public List<String> problems(
            Bundle bundle, String variant, PlatformSpec spec, BiConsumer<String, String> notChecked) {
        return problems(
                bundle, variant, spec, c -> schemas.of(c.chart(), reason -> notChecked.accept(c.name(), reason)));
    }

    private static List<String> problems(
            Bundle bundle, String variant, PlatformSpec spec, Function<Component, Optional<ChartSchema>> schemaOf) {
        Map<String, JsonNode> overrides = PlatformInputs.overrides(spec);
        List<String> problems = new ArrayList<>();
        for (Component c : PlatformRollout.wanted(bundle, variant, spec)) {
            schemaOf.apply(c)
                    .ifPresent(schema ->
                            problems.addAll(schema.problems(c.name(), WantedValues.of(c, overrides.get(c.name())))));
        }
        return problems;
    }
}
