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
 * identity for {@link #TTL}, so a page that asks several endpoints costs one round of reviews; past half the TTL a
 * request asks them again in the background, so a caller who keeps using the dashboard does not wait for them.
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
    // its own threads: a refresh waits for its reviews, which must never queue behind other refreshes
    private final ExecutorService refreshes = Executors.newFixedThreadPool(4, r -> {
        Thread thread = new Thread(r, "access-refresh");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Caller, Answers> cache = new ConcurrentHashMap<>();
    private final Set<Caller> refreshing = ConcurrentHashMap.newKeySet();

    private record Answers(long askedAt, long expiresAt, Map<String, Optional<AccessLevel>> levels) {}

    /** The level of {@code caller} in each of {@code namespaces} that it holds one in, in the order given. */
    public Map<String, AccessLevel> of(Caller caller, Collection<String> namespaces) {
        long now = System.nanoTime();
        cache.values().removeIf(a -> a.expiresAt - now < 0);
        Answers known = cache.get(caller);
        if (known != null && now - known.askedAt > TTL.toNanos() / 2 && refreshing.add(caller)) {
            // asked again in the background while the answers still hold: a caller who keeps using the dashboard
            // never waits for the reviews, and what it is shown is never older than the TTL
            CompletableFuture.runAsync(() -> refresh(caller, known), refreshes)
                    .whenComplete((done, failure) -> refreshing.remove(caller));
        }
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
            cache.put(
                    caller,
                    known == null
                            ? new Answers(now, now + TTL.toNanos(), Map.copyOf(levels))
                            : new Answers(known.askedAt, known.expiresAt, Map.copyOf(levels)));
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

    /** The same questions as {@code known}'s, asked anew (the rules too, not from their cache). */
    private void refresh(Caller caller, Answers known) {
        long now = System.nanoTime();
        Map<String, Optional<AccessLevel>> levels = new ConcurrentHashMap<>();
        clusterWide(caller, levels);
        List<String> namespaces =
                known.levels.keySet().stream().filter(ns -> !CLUSTER.equals(ns)).toList();
        // renewed, not forgotten: a request meanwhile is answered from the rules known, instead of reviewing them too
        namespaces.stream()
                .map(ns -> CompletableFuture.runAsync(() -> rules.renew(caller, ns), reviews))
                .toList()
                .forEach(CompletableFuture::join);
        levels.putAll(ask(caller, namespaces));
        cache.put(caller, new Answers(now, now + TTL.toNanos(), Map.copyOf(levels)));
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
        refreshes.shutdownNow();
        reviews.shutdownNow();
    }
}
