package dev.hearth.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Whether an object in the cluster already is what a service wants it to be, so that the service can leave it alone
 * instead of sending a no-op apply. The desired object must be contained in the actual one: every field it sets has the
 * same value there (fields the API server defaulted or others added may exist besides), lists are equal in length and
 * element by element, and its labels and annotations are present. Anything else (a hand edit, a deleted rule, a new
 * desired value) is a difference and calls for an apply.
 */
public final class DesiredState {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> IGNORED = List.of("apiVersion", "kind", "metadata", "status");

    private DesiredState() {}

    public static boolean satisfiedBy(HasMetadata desired, HasMetadata actual) {
        if (actual == null) {
            return false;
        }
        Map<?, ?> want = JSON.convertValue(desired, Map.class);
        Map<?, ?> have = JSON.convertValue(actual, Map.class);
        for (Map.Entry<?, ?> field : want.entrySet()) {
            if (!IGNORED.contains(String.valueOf(field.getKey()))
                    && !contained(field.getValue(), have.get(field.getKey()))) {
                return false;
            }
        }
        return containedOrNone(
                        desired.getMetadata().getLabels(), actual.getMetadata().getLabels())
                && containedOrNone(
                        desired.getMetadata().getAnnotations(),
                        actual.getMetadata().getAnnotations());
    }

    private static boolean containedOrNone(Map<String, String> want, Map<String, String> have) {
        return want == null || want.isEmpty() || contained(want, have);
    }

    /**
     * Whether {@code want} is contained in {@code have}, by the rules above. An empty map must stay empty: in a spec
     * it means "everything" (a label selector {@code {}}), and narrowing it is a difference.
     */
    static boolean contained(Object want, Object have) {
        if (want == null) {
            return true;
        }
        if (want instanceof Map<?, ?> wantMap) {
            if (wantMap.isEmpty()) {
                return have == null || have instanceof Map<?, ?> haveMap && haveMap.isEmpty();
            }
            if (!(have instanceof Map<?, ?> haveMap)) {
                return false;
            }
            return wantMap.entrySet().stream().allMatch(e -> contained(e.getValue(), haveMap.get(e.getKey())));
        }
        if (want instanceof List<?> wantList) {
            if (!(have instanceof List<?> haveList)) {
                return wantList.isEmpty() && have == null;
            }
            if (wantList.size() != haveList.size()) {
                return false;
            }
            for (int i = 0; i < wantList.size(); i++) {
                if (!contained(wantList.get(i), haveList.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (want instanceof Number wantNumber && have instanceof Number haveNumber) {
            return wantNumber.doubleValue() == haveNumber.doubleValue();
        }
        return have != null && Objects.equals(String.valueOf(want), String.valueOf(have));
    }
}
