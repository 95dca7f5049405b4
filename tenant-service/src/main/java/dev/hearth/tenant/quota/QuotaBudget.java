package dev.hearth.tenant.quota;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.fabric8.kubernetes.api.model.Quantity;

/**
 * The hierarchical quota rule: a child of a quota-bound parent declares a quota for every key the parent limits, and
 * it must fit in what the parent neither uses in its own namespace nor has given to its other children. A key the
 * parent does not limit is unlimited for its children.
 */
public final class QuotaBudget {
    private QuotaBudget() {}

    /** The sum, per key, of the quotas of some children. */
    public static Map<String, Quantity> sum(Collection<Map<String, Quantity>> quotas) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        for (Map<String, Quantity> quota : quotas) {
            quota.forEach((key, value) -> totals.merge(key, value.getNumericalAmount(), BigDecimal::add));
        }
        Map<String, Quantity> sum = new TreeMap<>();
        totals.forEach((key, value) -> sum.put(key, quantity(key, value)));
        return sum;
    }

    /**
     * What the tenant's own namespace may use: its quota less what it gave its children, never below zero. Its
     * ResourceQuota holds this, so the namespace and its children together stay within the quota.
     */
    public static Map<String, Quantity> keptByParent(
            Map<String, Quantity> declared, Map<String, Quantity> givenToChildren) {
        Map<String, Quantity> kept = new TreeMap<>();
        declared.forEach((key, value) -> kept.put(
                key,
                quantity(
                        key,
                        value.getNumericalAmount()
                                .subtract(amount(givenToChildren, key))
                                .max(BigDecimal.ZERO))));
        return kept;
    }

    /**
     * Why {@code requested} does not fit, or empty when it does.
     *
     * @param parentNamespace for the message
     * @param parentHard the parent's own quota
     * @param givenToOthers what the parent already gave to its other children
     * @param usedByParent what the parent's own namespace uses, under the declared keys
     */
    public static Optional<String> exceeded(
            String parentNamespace,
            Map<String, Quantity> parentHard,
            Map<String, Quantity> givenToOthers,
            Map<String, Quantity> usedByParent,
            Map<String, Quantity> requested) {
        List<String> excesses = new ArrayList<>();
        for (var limit : new TreeMap<>(parentHard).entrySet()) {
            String key = limit.getKey();
            BigDecimal given = amount(givenToOthers, key);
            BigDecimal used = amount(usedByParent, key);
            BigDecimal left = limit.getValue()
                    .getNumericalAmount()
                    .subtract(given)
                    .subtract(used)
                    .max(BigDecimal.ZERO);
            String budget = quantity(key, left) + " of " + limit.getValue() + " is left (" + quantity(key, used)
                    + " used by " + parentNamespace + " itself, " + quantity(key, given) + " given to other children)";
            Quantity requestedValue = requested.get(key);
            if (requestedValue == null) {
                excesses.add(key + ": not declared, but " + parentNamespace + " is bound by a quota; declare "
                        + "spec.resourceQuotas." + key + " (" + budget + ")");
                continue;
            }
            BigDecimal asked = requestedValue.getNumericalAmount();
            if (asked.compareTo(left) > 0) {
                excesses.add(key + ": requested " + requestedValue + " but only " + budget + ", "
                        + quantity(key, asked.subtract(left)) + " too much");
            }
        }
        if (excesses.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("The quota does not fit in what " + parentNamespace + " has left: "
                + String.join("; ", excesses) + ". Lower spec.resourceQuotas or free budget in the parent.");
    }

    private static BigDecimal amount(Map<String, Quantity> amounts, String key) {
        Quantity value = amounts.get(key);
        return value == null ? BigDecimal.ZERO : value.getNumericalAmount();
    }

    /** A readable quantity: binary suffixes for byte amounts, plain numbers (with m for fractions) otherwise. */
    static Quantity quantity(String key, BigDecimal amount) {
        boolean bytes = key.contains("memory") || key.contains("storage");
        return new Quantity(format(amount, bytes));
    }

    private static String format(BigDecimal amount, boolean bytes) {
        if (amount.signum() == 0) {
            return "0";
        }
        if (bytes) {
            String[] suffixes = {"Ei", "Pi", "Ti", "Gi", "Mi", "Ki"};
            for (int i = 0; i < suffixes.length; i++) {
                BigDecimal unit = BigDecimal.valueOf(1024).pow(suffixes.length - i);
                BigDecimal[] division = amount.divideAndRemainder(unit);
                if (division[0].signum() > 0 && division[1].signum() == 0) {
                    return division[0].toPlainString() + suffixes[i];
                }
            }
            return amount.stripTrailingZeros().toPlainString();
        }
        BigDecimal whole = amount.stripTrailingZeros();
        if (whole.scale() <= 0) {
            return whole.toPlainString();
        }
        return amount.movePointRight(3).stripTrailingZeros().toPlainString() + "m";
    }
}
