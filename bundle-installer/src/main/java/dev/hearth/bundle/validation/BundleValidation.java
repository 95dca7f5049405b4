package dev.hearth.bundle.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.hearth.bundle.model.Bundle;
import dev.hearth.bundle.model.Chart;
import dev.hearth.bundle.model.Component;
import dev.hearth.bundle.plan.DependencyOrder;

/**
 * Everything wrong with a bundle before anything is applied, each problem saying what to change. An empty list means
 * the bundle may be planned.
 */
public final class BundleValidation {
    private static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$");
    // pinned means one exact version: no ranges, no "latest"
    private static final Pattern EXACT_VERSION = Pattern.compile("^v?[0-9]+\\.[0-9]+\\.[0-9]+([-+][0-9A-Za-z.-]+)?$");
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
    private static final Pattern MINOR = Pattern.compile("^([0-9]+)\\.([0-9]+)$");

    private BundleValidation() {}

    public static List<String> problems(Bundle bundle, Environment environment) {
        List<String> problems = new ArrayList<>();
        if (bundle.name() == null || !DNS_LABEL.matcher(bundle.name()).matches()) {
            problems.add("bundle name " + bundle.name() + " must be a DNS label");
        }
        if (bundle.version() == null || !EXACT_VERSION.matcher(bundle.version()).matches()) {
            problems.add("bundle version " + bundle.version() + " must be an exact semantic version, e.g. 1.2.0");
        }
        requirements(bundle, environment, problems);
        Map<String, Component> byName = new HashMap<>();
        for (Component c : bundle.components()) {
            if (byName.put(c.name(), c) != null) {
                problems.add("component " + c.name() + " is declared twice: rename or remove one");
            }
            component(bundle, c, problems);
        }
        for (Component c : bundle.components()) {
            for (String dependency : c.dependsOn()) {
                Component target = byName.get(dependency);
                if (target == null) {
                    problems.add("component " + c.name() + " depends on " + dependency
                            + ", which the bundle does not have: add it or remove the dependency");
                } else if (target.optional() && !c.optional()) {
                    problems.add("component " + c.name() + " is required but depends on the optional " + dependency
                            + ": make " + c.name() + " optional or " + dependency + " required");
                }
            }
        }
        Map<String, Component> byNamespace = new HashMap<>();
        for (Component c : bundle.components()) {
            Component other = byNamespace.putIfAbsent(String.valueOf(c.namespace()), c);
            if (other != null && other.privileged() != c.privileged()) {
                problems.add("components " + other.name() + " and " + c.name() + " share namespace " + c.namespace()
                        + " but not its pod-security level (privileged): give them the same or separate namespaces");
            }
        }
        DependencyOrder.cycle(bundle)
                .ifPresent(cycle -> problems.add(
                        "dependency cycle " + String.join(" -> ", cycle) + ": remove one of these dependencies"));
        return problems;
    }

    private static void component(Bundle bundle, Component c, List<String> problems) {
        if (c.name() == null || !DNS_LABEL.matcher(c.name()).matches()) {
            problems.add("component name " + c.name() + " must be a DNS label");
            return;
        }
        if (c.namespace() == null || !DNS_LABEL.matcher(c.namespace()).matches()) {
            problems.add("component " + c.name() + ": namespace " + c.namespace() + " must be a DNS label");
        }
        if (c.serviceAccountName() != null
                && !DNS_SUBDOMAIN.matcher(c.serviceAccountName()).matches()) {
            problems.add(
                    "component " + c.name() + ": serviceAccountName " + c.serviceAccountName()
                            + " must be a DNS-1123 name (lower case letters, digits, '-' and '.'), e.g. cert-manager-installer");
        }
        Chart chart = c.chart();
        if (chart == null || chart.name() == null || chart.repository() == null) {
            problems.add("component " + c.name() + ": chart needs repository, name and version");
        } else {
            if (!chart.repository().startsWith("https://")
                    && !chart.oci()
                    && !chart.repository().startsWith("http://")) {
                problems.add("component " + c.name() + ": chart repository " + chart.repository()
                        + " must be an https:// Helm repository or an oci:// reference");
            }
            if (chart.version() == null
                    || !EXACT_VERSION.matcher(chart.version()).matches()) {
                problems.add("component " + c.name() + ": chart version " + chart.version()
                        + " must be pinned to one exact version, e.g. 1.16.2");
            }
        }
        if (!c.values().isObject()) {
            problems.add("component " + c.name() + ": values must be a map");
        }
        Set<String> unknownVariants = new HashSet<>(c.variants());
        unknownVariants.removeAll(bundle.variants());
        if (!unknownVariants.isEmpty()) {
            problems.add("component " + c.name() + " names variants "
                    + unknownVariants.stream().sorted().toList() + " that the bundle does not declare ("
                    + bundle.variants() + ")");
        }
        if (c.readiness() != null && !Readiness.valid(c.readiness())) {
            problems.add("component " + c.name() + ": readiness " + c.readiness() + " is none of " + Readiness.FORMS);
        }
    }

    private static void requirements(Bundle bundle, Environment environment, List<String> problems) {
        String minimum = bundle.requires().kubernetesMin();
        if (minimum != null) {
            if (!MINOR.matcher(minimum).matches()) {
                problems.add("requires.kubernetesMin " + minimum + " must be a minor version, e.g. 1.33");
            } else if (environment.kubernetesMinor() != null
                    && compareMinor(environment.kubernetesMinor(), minimum) < 0) {
                problems.add("bundle " + bundle.name() + " " + bundle.version() + " needs Kubernetes " + minimum
                        + " or newer; the cluster runs " + environment.kubernetesMinor()
                        + ": upgrade the cluster or choose an older bundle version");
            }
        }
        String hearth = bundle.requires().hearth();
        if (hearth != null && environment.hearthVersion() != null && !hearth.equals(environment.hearthVersion())) {
            problems.add("bundle " + bundle.name() + " " + bundle.version() + " was tested with Hearth " + hearth
                    + "; this is Hearth " + environment.hearthVersion()
                    + ": choose the bundle version made for this Hearth");
        }
    }

    static int compareMinor(String a, String b) {
        var ma = MINOR.matcher(a);
        var mb = MINOR.matcher(b);
        if (!ma.matches() || !mb.matches()) {
            return a.compareTo(b);
        }
        int major = Integer.compare(Integer.parseInt(ma.group(1)), Integer.parseInt(mb.group(1)));
        return major != 0 ? major : Integer.compare(Integer.parseInt(ma.group(2)), Integer.parseInt(mb.group(2)));
    }
}
