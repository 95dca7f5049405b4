package dev.hearth.core.api;

/**
 * CEL rules for quantity fields. Quantities are int-or-string in the schema (like every Kubernetes quantity), so
 * the rules convert to string first; {@code isQuantity} rejects malformed values such as {@code 4 GB}.
 */
public final class Quantities {
    public static final String NON_NEGATIVE =
            "isQuantity(string(self)) && quantity(string(self)).compareTo(quantity('0')) >= 0";
    public static final String NON_NEGATIVE_MESSAGE =
            "must be a non-negative Kubernetes quantity such as 500m, 2, 4Gi or 10G";

    public static final String POSITIVE =
            "isQuantity(string(self)) && quantity(string(self)).compareTo(quantity('0')) > 0";
    public static final String POSITIVE_MESSAGE = "must be a positive Kubernetes quantity such as 500m, 2, 4Gi or 10G";

    public static final String ALL_NON_NEGATIVE =
            "self.all(k, isQuantity(string(self[k])) && !string(self[k]).startsWith('-'))";
    public static final String ALL_NON_NEGATIVE_MESSAGE =
            "every value must be a non-negative Kubernetes quantity such as 500m, 2, 4Gi or 10G";

    private Quantities() {}
}
