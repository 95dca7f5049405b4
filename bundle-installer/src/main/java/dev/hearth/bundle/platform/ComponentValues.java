package dev.hearth.bundle.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import dev.hearth.bundle.model.Bundle;
import dev.hearth.bundle.model.Component;
import dev.hearth.bundle.plan.WantedValues;
import dev.hearth.bundle.validation.ValuesSchema;
import dev.hearth.core.api.platform.PlatformSpec;

/**
 * The values each enabled component would be installed with (the bundle's, the administrator's over them) checked
 * against its chart's {@code values.schema.json} where the chart ships one, before anything is applied.
 */
@ApplicationScoped
public class ComponentValues {
    private static final Logger LOG = Logger.getLogger(ComponentValues.class);
    private final ChartSchemas schemas;

    public ComponentValues(ChartSchemas schemas) {
        this.schemas = schemas;
    }

    /** Every violation, naming the component and the key; empty when every component's values fit. */
    public List<String> problems(Bundle bundle, String variant, PlatformSpec spec) {
        return problems(
                bundle,
                variant,
                spec,
                (component, reason) -> LOG.warnf("Values of component %s not checked: %s", component, reason));
    }

    /**
     * {@link #problems(Bundle, String, PlatformSpec)}, handing {@code notChecked} each component whose chart's schema
     * cannot be read now, and why (the service logs it and reads again on its next pass; the command line prints it).
     */
    public List<String> problems(
            Bundle bundle, String variant, PlatformSpec spec, BiConsumer<String, String> notChecked) {
        Map<String, JsonNode> overrides = PlatformInputs.overrides(spec);
        List<String> problems = new ArrayList<>();
        for (Component c : PlatformRollout.wanted(bundle, variant, spec)) {
            schemas.of(c.chart(), reason -> notChecked.accept(c.name(), reason))
                    .ifPresent(schema -> problems.addAll(
                            ValuesSchema.problems(c.name(), schema, WantedValues.of(c, overrides.get(c.name())))));
        }
        return problems;
    }
}
