package dev.hearth.bundle.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.hearth.bundle.model.Bundle;
import dev.hearth.bundle.model.BundleDocuments;
import dev.hearth.bundle.plan.DependencyGraph;
import dev.hearth.bundle.plan.Installed;
import dev.hearth.bundle.plan.Plan;
import dev.hearth.bundle.plan.Planner;
import dev.hearth.bundle.platform.ChartSchemas;
import dev.hearth.bundle.platform.ComponentValues;
import dev.hearth.bundle.validation.BundleValidation;
import dev.hearth.bundle.validation.Environment;
import dev.hearth.core.api.platform.PlatformSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * The installer's command line, offline on a bundle file: {@code validate}, {@code plan}, {@code graph}; and against
 * the cluster of the current kubeconfig ({@link ClusterCli}): {@code status}, {@code plan --cluster NAME},
 * {@code apply}. Exit codes as {@code flux diff}: 0 nothing to change, 1 changes, 2 an error (an invalid bundle or
 * arguments).
 *
 * <pre>
 * java -jar quarkus-run.jar plan --bundle FILE|--shipped NAME --variant V [--installed FILE] [--kubernetes 1.35]
 *     [--check-schemas true]
 * </pre>
 *
 * {@code --check-schemas true} also reads each enabled component's chart from its repository and checks the bundle's
 * values against the chart's {@code values.schema.json}, as the installer does; a chart it cannot read is named on
 * standard error, not checked. Off by default: the shipped bundles' charts are on the internet.
 *
 * {@code --installed} is a YAML map {@code <component>: {chartVersion, values}} of what runs now (none: a fresh
 * cluster).
 */
public final class BundleCli {
    public static final Set<String> COMMANDS = Set.of("validate", "plan", "graph", "status", "apply");
    public static final int NO_CHANGE = 0;
    public static final int CHANGES = 1;
    public static final int ERROR = 2;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private BundleCli() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return run(args, out, err, () -> new KubernetesClientBuilder().build());
    }

    /** @param cluster the client of the cluster commands, made only when one runs */
    public static int run(List<String> args, PrintStream out, PrintStream err, Supplier<KubernetesClient> cluster) {
        try {
            Map<String, String> options = options(args.subList(1, args.size()));
            String command = args.get(0);
            if (command.equals("status") || command.equals("apply") || options.containsKey("cluster")) {
                return againstTheCluster(command, options, cluster, out, err);
            }
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
            if (problems.isEmpty() && Boolean.parseBoolean(options.getOrDefault("check-schemas", "false"))) {
                problems = new ComponentValues(new ChartSchemas())
                        .problems(
                                bundle,
                                variant,
                                new PlatformSpec(),
                                (component, reason) ->
                                        err.println("not checked: component " + component + ": " + reason));
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

    private static int againstTheCluster(
            String command,
            Map<String, String> options,
            Supplier<KubernetesClient> cluster,
            PrintStream out,
            PrintStream err)
            throws java.io.IOException {
        String name = options.getOrDefault("cluster", options.getOrDefault("name", "hearth"));
        Duration wait = Duration.ofSeconds(Long.parseLong(options.getOrDefault("wait", "60")));
        try (KubernetesClient client = cluster.get()) {
            ClusterCli cli = new ClusterCli(client, out, err);
            return switch (command) {
                case "status" -> cli.status(name);
                case "plan" -> cli.plan(name);
                case "apply" -> {
                    if (options.containsKey("file") == options.containsKey("approve")) {
                        throw new IllegalArgumentException("apply takes --file PLATFORM.yaml or --approve HASH");
                    }
                    yield options.containsKey("file")
                            ? cli.applyFile(Path.of(options.get("file")), wait)
                            : cli.approve(name, options.get("approve"), wait);
                }
                default -> throw new IllegalArgumentException(command + " works offline only, without --cluster");
            };
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
