package dev.hearth.tenant.quota;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.tenant.lineage.TenantTree;
import io.fabric8.kubernetes.api.model.Quantity;

/**
 * Decides, one sibling at a time per parent, whether a child's quota fits in its parent's budget. Siblings reconcile
 * in parallel, and the informer cache shows an admission only once its status write comes back; without this, two
 * siblings created together could each see the other not admitted yet and both take the same budget. Each admission
 * is remembered here until the cache shows it.
 */
@ApplicationScoped
public class SiblingAdmissions {
    /** Per parent namespace: the children admitted here, with the quota they were admitted with. */
    private final Map<String, Map<String, Map<String, Quantity>>> admitted = new HashMap<>();

    /**
     * Admits {@code tenant} if its quota fits in {@code parentHard} beside its siblings, and says why not otherwise.
     *
     * @param parentUsed what the parent's own namespace uses, under the keys the parent declares
     * @param siblings every other Tenant in the parent namespace, as the cache has them
     */
    public synchronized Optional<String> admit(
            String parentNamespace,
            Map<String, Quantity> parentHard,
            Map<String, Quantity> parentUsed,
            Tenant tenant,
            List<Tenant> siblings) {
        Map<String, Map<String, Quantity>> remembered = admitted.computeIfAbsent(parentNamespace, k -> new HashMap<>());
        forgetWhatTheCacheShows(remembered, tenant, siblings);
        Map<String, Map<String, Quantity>> given = new HashMap<>(remembered);
        given.remove(tenant.getMetadata().getName());
        for (Tenant sibling : siblings) {
            if (TenantTree.admitted(sibling)) {
                given.putIfAbsent(sibling.getMetadata().getName(), sibling.getSpec().resourceQuotas);
            }
        }
        Map<String, Quantity> quota = tenant.getSpec().resourceQuotas;
        Optional<String> exceeded =
                QuotaBudget.exceeded(parentNamespace, parentHard, QuotaBudget.sum(given.values()), parentUsed, quota);
        if (exceeded.isEmpty()) {
            remembered.put(tenant.getMetadata().getName(), Map.copyOf(quota));
        }
        return exceeded;
    }

    /**
     * Drops the admissions the cache now shows (admitted with that quota) and those of children that are gone;
     * {@code tenant} is not gone, it is the one being decided.
     */
    private static void forgetWhatTheCacheShows(
            Map<String, Map<String, Quantity>> remembered, Tenant tenant, List<Tenant> siblings) {
        Map<String, Tenant> present =
                siblings.stream().collect(Collectors.toMap(t -> t.getMetadata().getName(), t -> t));
        present.put(tenant.getMetadata().getName(), tenant);
        remembered.entrySet().removeIf(admission -> {
            Tenant cached = present.get(admission.getKey());
            return cached == null
                    || TenantTree.admitted(cached)
                            && cached.getSpec().resourceQuotas.equals(admission.getValue());
        });
    }
}
