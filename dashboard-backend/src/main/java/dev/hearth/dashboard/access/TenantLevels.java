package dev.hearth.dashboard.access;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.hearth.core.tenant.AccessLevel;
import dev.hearth.dashboard.identity.Caller;

/**
 * The access level a caller holds in each tenant namespace, as the API server answers {@link LevelProbe}s asked as
 * the caller (one SelfSubjectRulesReview per namespace, {@link AccessRules}, through impersonation, so the backend
 * needs no right to review others). Only
 * namespaces where a RoleBinding names the caller are asked about ({@link TenantBindings}), unless one review says a
 * cluster-wide grant reaches every namespace. All questions of one call go out at once; the answers are kept per
 * identity for {@link #TTL}, so a page that asks several endpoints costs one round of reviews.
 */
@ApplicationScoped
public class TenantLevels {
    static final Duration TTL = Duration.ofSeconds(5);
    private static final String CLUSTER = "";

    @Inject
    TenantBindings bindings;

    @Inject
    AccessRules rules;

    private final ExecutorService reviews = Executors.newFixedThreadPool(16, r -> {
        Thread thread = new Thread(r, "access-reviews");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Caller, Answers> cache = new ConcurrentHashMap<>();

    private record Answers(long expiresAt, Map<String, Optional<AccessLevel>> levels) {}

    /** The level of {@code caller} in each of {@code namespaces} that it holds one in, in the order given. */
    public Map<String, AccessLevel> of(Caller caller, Collection<String> namespaces) {
        long now = System.nanoTime();
        cache.values().removeIf(a -> a.expiresAt - now < 0);
        Answers known = cache.get(caller);
        Map<String, Optional<AccessLevel>> levels = new ConcurrentHashMap<>(known == null ? Map.of() : known.levels);
        // asked about: where a RoleBinding names the caller, or everywhere if a cluster-wide grant may give a level
        Set<String> bound = bindings.namespacesNaming(caller);
        boolean everywhere = !bindings.synced() || clusterWide(caller, levels);
        List<String> unknown = namespaces.stream()
                .filter(ns -> !levels.containsKey(ns))
                .filter(ns -> everywhere || bound.contains(ns))
                .toList();
        if (!unknown.isEmpty()) {
            levels.putAll(ask(caller, unknown));
        }
        if (known == null || !levels.equals(known.levels)) {
            cache.put(caller, new Answers(known == null ? now + TTL.toNanos() : known.expiresAt, Map.copyOf(levels)));
        }
        Map<String, AccessLevel> held = new LinkedHashMap<>();
        for (String namespace : namespaces) {
            levels.getOrDefault(namespace, Optional.empty()).ifPresent(level -> held.put(namespace, level));
        }
        return held;
    }

    /**
     * Whether the caller holds the lowest level's right in every namespace at once, which only a ClusterRoleBinding
     * gives; kept with the answers under the key {@code ""} (no namespace is called that).
     */
    private boolean clusterWide(Caller caller, Map<String, Optional<AccessLevel>> levels) {
        Optional<AccessLevel> known = levels.get(CLUSTER);
        if (known == null) {
            LevelProbe view = LevelProbe.ALL.get(LevelProbe.ALL.size() - 1);
            known = rules.asked(caller, view.in(CLUSTER)) ? Optional.of(view.level()) : Optional.empty();
            levels.put(CLUSTER, known);
        }
        return known.isPresent();
    }

    /** Per namespace one rules review ({@link AccessRules}, shared with the per-object actions), all at once. */
    private Map<String, Optional<AccessLevel>> ask(Caller caller, List<String> namespaces) {
        Map<String, CompletableFuture<Optional<AccessLevel>>> answers = new LinkedHashMap<>();
        for (String namespace : namespaces) {
            answers.put(namespace, CompletableFuture.supplyAsync(() -> levelIn(caller, namespace), reviews));
        }
        Map<String, Optional<AccessLevel>> levels = new LinkedHashMap<>();
        answers.forEach((namespace, answer) -> levels.put(namespace, answer.join()));
        return levels;
    }

    private Optional<AccessLevel> levelIn(Caller caller, String namespace) {
        for (LevelProbe probe : LevelProbe.ALL) {
            var action = probe.attribute();
            if (rules.allows(
                    caller,
                    namespace,
                    action.getGroup(),
                    action.getResource(),
                    action.getSubresource(),
                    action.getVerb(),
                    null)) {
                return Optional.of(probe.level());
            }
        }
        return Optional.empty();
    }

    @PreDestroy
    void stop() {
        reviews.shutdownNow();
    }
}
