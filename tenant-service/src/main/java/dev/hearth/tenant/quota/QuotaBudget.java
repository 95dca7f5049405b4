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
 * The hierarchical quota rule: a child's quota must fit in what its parent has not already given to its other
 * children. A key the parent does not limit is unlimited for its children.
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
     * Why {@code requested} does not fit, or empty when it does.
     *
     * @param parentNamespace for the message
     * @param parentHard the parent's own quota
     * @param givenToOthers what the parent already gave to its other children
     */
    public static Optional<String> exceeded(
            String parentNamespace,
            Map<String, Quantity> parentHard,
            Map<String, Quantity> givenToOthers,
            Map<String, Quantity> requested) {
        List<String> excesses = new ArrayList<>();
        for (var entry : new TreeMap<>(requested).entrySet()) {
            String key = entry.getKey();
            Quantity limit = parentHard.get(key);
            if (limit == null) {
                continue;
            }
            BigDecimal given =
                    givenToOthers.containsKey(key) ? givenToOthers.get(key).getNumericalAmount() : BigDecimal.ZERO;
            BigDecimal left = limit.getNumericalAmount().subtract(given).max(BigDecimal.ZERO);
            BigDecimal asked = entry.getValue().getNumericalAmount();
            if (asked.compareTo(left) > 0) {
                excesses.add(key + ": requested " + entry.getValue() + " but only " + quantity(key, left) + " of "
                        + limit + " is left (" + quantity(key, given) + " given to other children), "
                        + quantity(key, asked.subtract(left)) + " too much");
            }
        }
        if (excesses.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("The quota does not fit in what " + parentNamespace + " has left: "
                + String.join("; ", excesses) + ". Lower spec.resourceQuotas or free budget in the parent.");
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
