package dev.hearth.tenant.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Quantity;

class QuotaBudgetTest {
    private static final Map<String, Quantity> PARENT = Map.of("cpu", q("4"), "memory", q("8Gi"), "pods", q("20"));

    @Test
    void aChildThatFitsInWhatIsLeftIsAdmitted() {
        Map<String, Quantity> given =
                QuotaBudget.sum(List.of(Map.of("cpu", q("1500m")), Map.of("cpu", q("1"), "memory", q("4Gi"))));

        assertThat(given).containsOnly(entry("cpu", q("2500m")), entry("memory", q("4Gi")));
        assertThat(QuotaBudget.exceeded(
                        "tenant-foo",
                        PARENT,
                        given,
                        Map.of(),
                        Map.of("cpu", q("1500m"), "memory", q("4Gi"), "pods", q("5"))))
                .isEmpty();
    }

    @Test
    void theParentsNamespaceKeepsWhatItDidNotGiveAwayAndNeverLessThanNothing() {
        Map<String, Quantity> given = Map.of("cpu", q("2500m"), "memory", q("10Gi"));

        assertThat(QuotaBudget.keptByParent(PARENT, given))
                .containsOnly(entry("cpu", q("1500m")), entry("memory", q("0")), entry("pods", q("20")));
    }

    @Test
    void aChildThatDoesNotFitIsToldByHowMuchForEachResource() {
        Map<String, Quantity> given = Map.of("cpu", q("3"), "memory", q("6Gi"));

        assertThat(QuotaBudget.exceeded(
                        "tenant-foo",
                        PARENT,
                        given,
                        Map.of(),
                        Map.of("cpu", q("2"), "memory", q("3Gi"), "pods", q("5"))))
                .contains("The quota does not fit in what tenant-foo has left: "
                        + "cpu: requested 2 but only 1 of 4 is left (0 used by tenant-foo itself, 3 given to other "
                        + "children), 1 too much; "
                        + "memory: requested 3Gi but only 2Gi of 8Gi is left (0 used by tenant-foo itself, 6Gi given "
                        + "to other children), 1Gi too much. "
                        + "Lower spec.resourceQuotas or free budget in the parent.");
    }

    @Test
    void aChildOfABoundParentCannotEscapeByDeclaringNoQuota() {
        assertThat(QuotaBudget.exceeded("tenant-foo", PARENT, Map.of(), Map.of(), Map.of()))
                .contains("The quota does not fit in what tenant-foo has left: "
                        + "cpu: not declared, but tenant-foo is bound by a quota; declare spec.resourceQuotas.cpu "
                        + "(4 of 4 is left (0 used by tenant-foo itself, 0 given to other children)); "
                        + "memory: not declared, but tenant-foo is bound by a quota; declare spec.resourceQuotas.memory "
                        + "(8Gi of 8Gi is left (0 used by tenant-foo itself, 0 given to other children)); "
                        + "pods: not declared, but tenant-foo is bound by a quota; declare spec.resourceQuotas.pods "
                        + "(20 of 20 is left (0 used by tenant-foo itself, 0 given to other children)). "
                        + "Lower spec.resourceQuotas or free budget in the parent.");
    }

    @Test
    void whatTheParentUsesItselfIsNotLeftForItsChildren() {
        Map<String, Quantity> used = Map.of("cpu", q("3500m"), "memory", q("1Gi"));

        assertThat(QuotaBudget.exceeded(
                        "tenant-foo",
                        PARENT,
                        Map.of("cpu", q("0")),
                        used,
                        Map.of("cpu", q("1"), "memory", q("1Gi"), "pods", q("1"))))
                .hasValueSatisfying(message -> assertThat(message)
                        .contains("cpu: requested 1 but only 500m of 4 is left (3500m used by tenant-foo itself, 0 "
                                + "given to other children), 500m too much")
                        .doesNotContain("memory")
                        .doesNotContain("pods"));
    }

    @Test
    void whatTheParentDoesNotLimitIsUnlimited() {
        assertThat(QuotaBudget.exceeded("tenant-root", Map.of(), Map.of(), Map.of(), Map.of("cpu", q("1000"))))
                .isEmpty();
        assertThat(QuotaBudget.exceeded(
                        "tenant-foo",
                        PARENT,
                        Map.of(),
                        Map.of(),
                        Map.of("cpu", q("1"), "memory", q("1Gi"), "pods", q("2"), "services.loadbalancers", q("3"))))
                .isEmpty();
    }

    @Test
    void cpuAndMemoryBoundRequestsAndLimitsAndCountsPassThrough() {
        assertThat(ResourceQuotaFor.hard(Map.of(
                        "cpu",
                        q("4"),
                        "memory",
                        q("8Gi"),
                        "storage",
                        q("100Gi"),
                        "pods",
                        q("20"),
                        "services.loadbalancers",
                        q("2"))))
                .containsOnly(
                        entry("requests.cpu", q("4")),
                        entry("limits.cpu", q("4")),
                        entry("requests.memory", q("8Gi")),
                        entry("limits.memory", q("8Gi")),
                        entry("requests.storage", q("100Gi")),
                        entry("pods", q("20")),
                        entry("services.loadbalancers", q("2")));
        assertThat(ResourceQuotaFor.usedAsDeclared(
                        Map.of("cpu", q("4"), "pods", q("20")),
                        Map.of("requests.cpu", q("250m"), "limits.cpu", q("1"), "pods", q("3"))))
                .containsOnly(entry("cpu", q("250m")), entry("pods", q("3")));
    }

    private static Quantity q(String value) {
        return new Quantity(value);
    }
}
