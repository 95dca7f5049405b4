package dev.hearth.bundle.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.hearth.bundle.model.Bundle;
import dev.hearth.bundle.model.BundleDocuments;
import dev.hearth.bundle.plan.DependencyGraph;
import dev.hearth.bundle.plan.Installed;
import dev.hearth.bundle.plan.Plan;
import dev.hearth.bundle.plan.Planner;
import dev.hearth.bundle.validation.BundleValidation;
import dev.hearth.bundle.validation.Environment;

/**
 * The installer's command line, offline on a bundle file: {@code validate}, {@code plan}, {@code graph}. Exit codes as
 * {@code flux diff}: 0 nothing to change, 1 changes, 2 an error (an invalid bundle or arguments).
 *
 * <pre>
 * java -jar quarkus-run.jar plan --bundle FILE|--shipped NAME --variant V [--installed FILE] [--kubernetes 1.35]
 * </pre>
 *
 * {@code --installed} is a YAML map {@code <component>: {chartVersion, values}} of what runs now (none: a fresh
 * cluster).
 */
public final class BundleCli {
    public static final Set<String> COMMANDS = Set.of("validate", "plan", "graph");
    public static final int NO_CHANGE = 0;
    public static final int CHANGES = 1;
    public static final int ERROR = 2;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private BundleCli() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            Map<String, String> options = options(args.subList(1, args.size()));
            Bundle bundle = options.containsKey("bundle")
                    ? BundleDocuments.read(Path.of(options.get("bundle")))
                    : BundleDocuments.shipped(options.getOrDefault("shipped", "hearth"));
            String variant = options.getOrDefault(
                    "variant",
                    bundle.variants().isEmpty() ? "default" : bundle.variants().get(0));
            List<String> problems = BundleValidation.problems(bundle, new Environment(options.get("kubernetes"), null));
            if (!bundle.variants().isEmpty() && !bundle.variants().contains(variant)) {
                problems = new java.util.ArrayList<>(problems);
                problems.add("variant " + variant + " is none of " + bundle.variants());
            }
            if (!problems.isEmpty()) {
                problems.forEach(p -> err.println("invalid: " + p));
                return ERROR;
            }
            switch (args.get(0)) {
                case "validate" -> {
                    out.println("bundle " + bundle.name() + " " + bundle.version() + " is valid");
                    return NO_CHANGE;
                }
                case "graph" -> {
                    out.print(DependencyGraph.dot(bundle.forVariant(variant)));
                    return NO_CHANGE;
                }
                default -> {
                    Map<String, Installed> installed = installed(options.get("installed"));
                    Plan plan = Planner.plan(bundle, variant, Map.of(), Map.of(), installed, installed.keySet());
                    out.print(plan.describe());
                    return plan.changes() ? CHANGES : NO_CHANGE;
                }
            }
        } catch (RuntimeException | java.io.IOException e) {
            err.println("error: " + e.getMessage());
            return ERROR;
        }
    }

    private static Map<String, String> options(List<String> args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || i + 1 >= args.size()) {
                throw new IllegalArgumentException("expected --<option> <value>, got " + arg);
            }
            options.put(arg.substring(2), args.get(++i));
        }
        return options;
    }

    private static Map<String, Installed> installed(String file) throws java.io.IOException {
        Map<String, Installed> installed = new HashMap<>();
        if (file == null) {
            return installed;
        }
        JsonNode doc = YAML.readTree(Files.readString(Path.of(file)));
        doc.fields()
                .forEachRemaining(e -> installed.put(
                        e.getKey(),
                        new Installed(
                                e.getKey(),
                                e.getValue().path("chartVersion").asText(),
                                e.getValue().path("values").isObject()
                                        ? e.getValue().path("values")
                                        : YAML.createObjectNode())));
        return installed;
    }
}
