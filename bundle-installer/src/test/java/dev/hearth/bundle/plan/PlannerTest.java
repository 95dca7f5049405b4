package dev.hearth.bundle.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hearth.bundle.Fixtures;
import dev.hearth.bundle.model.Bundle;
import dev.hearth.bundle.model.Component;

class PlannerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Bundle small = Fixtures.bundle("small.yaml");

    @Test
    void aFreshClusterGetsEveryRequiredComponentInDependencyOrderEachAfterWhatItNeeds() {
        Plan plan = Planner.plan(small, "generic", Map.of(), Map.of(), Map.of(), Set.of());

        assertThat(plan.steps())
                .extracting(PlanStep::toString)
                .containsExactly(
                        "create base 1.0.0",
                        "create crds-provider 1.0.0",
                        "create operator 2.0.0 (after base, crds-provider)",
                        "create app 3.1.0 (after operator)",
                        "create storage 0.5.0 (after base)");
    }

    @Test
    void aVariantLeavesOutItsComponentsAndAnOptionalOneComesWhenEnabled() {
        Plan plan = Planner.plan(small, "hosted", Map.of("extra", true), Map.of(), Map.of(), Set.of());

        assertThat(plan.steps())
                .extracting(PlanStep::component)
                .containsExactly("base", "crds-provider", "operator", "app", "extra");
    }

    @Test
    void installedAsWantedIsUnchangedAndTheHashIsStable() {
        Map<String, Installed> installed = installedAsBundled("generic");

        Plan first = Planner.plan(small, "generic", Map.of(), Map.of(), installed, installed.keySet());
        Plan again = Planner.plan(small, "generic", Map.of(), Map.of(), installed, installed.keySet());

        assertThat(first.changes()).isFalse();
        assertThat(first.describe()).contains("no change");
        assertThat(first.hash()).isEqualTo(again.hash()).hasSize(16);
    }

    @Test
    void aNewChartVersionIsAnUpgradeFromTheInstalledOne() {
        Map<String, Installed> installed = new java.util.HashMap<>(installedAsBundled("generic"));
        installed.put("app", new Installed("app", "3.0.0", JSON.createObjectNode()));

        Plan plan = Planner.plan(small, "generic", Map.of(), Map.of(), installed, installed.keySet());

        assertThat(changes(plan)).containsExactly("upgrade app 3.0.0 -> 3.1.0");
    }

    @Test
    void theHashNamesTheTargetSoItHoldsThroughTheRolloutAndMovesWithTheWantedState() throws Exception {
        Plan fresh = Planner.plan(small, "generic", Map.of(), Map.of(), Map.of(), Set.of());
        Plan halfway = Planner.plan(
                small,
                "generic",
                Map.of(),
                Map.of(),
                Map.of("base", new Installed("base", "1.0.0", JSON.createObjectNode())),
                Set.of("base"));
        Plan otherValues = Planner.plan(
                small, "generic", Map.of(), Map.of("app", JSON.readTree("{\"replicas\": 2}")), Map.of(), Set.of());
        Plan otherVariant = Planner.plan(small, "hosted", Map.of(), Map.of(), Map.of(), Set.of());

        assertThat(halfway.hash()).isEqualTo(fresh.hash());
        assertThat(otherValues.hash()).isNotEqualTo(fresh.hash());
        assertThat(otherVariant.hash()).isNotEqualTo(fresh.hash());
    }

    @Test
    void changedValuesAreAReconfigurationWithSecretsMasked() throws Exception {
        Map<String, Installed> installed = installedAsBundled("generic");
        JsonNode override = JSON.readTree("{\"replicas\": 3, \"auth\": {\"password\": \"new-secret\"}}");

        Plan plan =
                Planner.plan(small, "generic", Map.of(), Map.of("operator", override), installed, installed.keySet());

        assertThat(changes(plan))
                .containsExactly("reconfigure operator 2.0.0\n"
                        + "      auth.password: (masked) -> (masked)\n"
                        + "      replicas: 1 -> 3");
        assertThat(plan.describe()).doesNotContain("new-secret").doesNotContain("hunter2");
    }

    @Test
    void disabledAndRemovedComponentsAreDeletedDependentsFirst() {
        Map<String, Installed> installed = new java.util.HashMap<>(installedAsBundled("generic"));
        installed.put("legacy", new Installed("legacy", "0.9.0", JSON.createObjectNode()));

        Plan plan = Planner.plan(
                small, "generic", Map.of("operator", false, "app", false), Map.of(), installed, installed.keySet());

        assertThat(changes(plan)).containsExactly("delete legacy 0.9.0", "delete app 3.1.0", "delete operator 2.0.0");
    }

    @Test
    void theInstallOrderIsTheSameWhateverTheDocumentOrder() {
        List<Component> reversed = new java.util.ArrayList<>(small.components());
        java.util.Collections.reverse(reversed);
        Bundle shuffled = new Bundle(small.name(), small.version(), small.variants(), small.requires(), reversed);

        assertThat(DependencyOrder.of(shuffled)).isEqualTo(DependencyOrder.of(small));
    }

    private Map<String, Installed> installedAsBundled(String variant) {
        Map<String, Installed> installed = new java.util.HashMap<>();
        for (Component c : small.forVariant(variant).components()) {
            if (!c.optional()) {
                installed.put(c.name(), new Installed(c.name(), c.chart().version(), c.values()));
            }
        }
        return installed;
    }

    private static List<String> changes(Plan plan) {
        return plan.steps().stream()
                .filter(PlanStep::changes)
                .map(PlanStep::toString)
                .toList();
    }
}
