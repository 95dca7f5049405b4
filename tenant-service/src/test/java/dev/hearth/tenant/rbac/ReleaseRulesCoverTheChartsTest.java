package dev.hearth.tenant.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.hearth.core.tenant.ReleaseServiceAccount;
import dev.hearth.core.testing.HelmChartRepository;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;

/**
 * Every kind an app or module chart's templates declare (each document's top-level {@code apiVersion} and {@code kind})
 * is one the release role grants, so a chart never fails for want of a right; a chart that adds a kind fails this test
 * until the role lists it. No chart renders a cluster-scoped kind, which no namespaced grant could allow: the etcd
 * module's Kamaji {@code DataStore} is written by tenant-service itself (docs/tenant-service.md, "Etcd DataStore").
 */
class ReleaseRulesCoverTheChartsTest {
    private static final Pattern API_VERSION = Pattern.compile("(?m)^apiVersion:\\s*(\\S+)\\s*$");
    private static final Pattern KIND = Pattern.compile("(?m)^kind:\\s*(\\S+)\\s*$");
    /** Cluster-scoped kinds a chart might be tempted to render; none may. */
    private static final Set<String> CLUSTER_SCOPED = Set.of(
            "kamaji.clastix.io/datastores",
            "rbac.authorization.k8s.io/clusterroles",
            "rbac.authorization.k8s.io/clusterrolebindings",
            "/namespaces");

    @Test
    void theReleaseRoleGrantsEveryNamespacedKindTheChartsRender() throws IOException {
        Set<String> rendered = renderedResources();
        assertThat(rendered).as("kinds found in the chart templates").hasSizeGreaterThan(10);

        Set<String> granted = new TreeSet<>();
        for (PolicyRule rule : ReleaseServiceAccount.rules()) {
            for (String resource : rule.getResources()) {
                granted.add(rule.getApiGroups().get(0) + "/" + resource);
            }
        }
        assertThat(granted).as("the release role").containsAll(rendered);
        assertThat(rendered).as("the cluster-scoped kinds a chart renders").doesNotContainAnyElementsOf(CLUSTER_SCOPED);
        // Helm's release records
        assertThat(granted).contains("/secrets");
    }

    /** {@code <group>/<plural>} of every document of every template, e.g. {@code apps/deployments}. */
    private static Set<String> renderedResources() throws IOException {
        Set<String> resources = new TreeSet<>();
        for (Path template : templates()) {
            for (String document : Files.readString(template).split("(?m)^---\\s*$")) {
                Matcher apiVersion = API_VERSION.matcher(document);
                Matcher kind = KIND.matcher(document);
                if (apiVersion.find() && kind.find()) {
                    String version = apiVersion.group(1);
                    String group = version.contains("/") ? version.substring(0, version.indexOf('/')) : "";
                    resources.add(group + "/" + plural(kind.group(1)));
                }
            }
        }
        return resources;
    }

    private static List<Path> templates() throws IOException {
        List<Path> templates = new ArrayList<>();
        try (Stream<Path> files = Files.walk(HelmChartRepository.appCharts())) {
            files.filter(f -> f.getParent().getFileName().toString().equals("templates"))
                    .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".tpl"))
                    .sorted()
                    .forEach(templates::add);
        }
        return templates;
    }

    /** The API server's plural of the kinds the charts use (lower case; HelmRepository → helmrepositories). */
    private static String plural(String kind) {
        String lower = kind.toLowerCase(Locale.ROOT);
        return lower.endsWith("y") ? lower.substring(0, lower.length() - 1) + "ies" : lower + "s";
    }
}
