package dev.hearth.dashboard.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.hearth.core.tenant.AccessLevel;
import dev.hearth.dashboard.access.AccessRules;
import dev.hearth.dashboard.access.LevelProbe;
import dev.hearth.dashboard.identity.Caller;

/**
 * Whether a caller may read a tenant (the {@code view} level's question, asked as the caller), uncached: a stream
 * asks again while it runs, and a revoked binding must end it at the next question, not a cache lifetime later.
 */
@ApplicationScoped
public class StreamAccess {
    private static final LevelProbe VIEW = LevelProbe.ALL.stream()
            .filter(probe -> probe.level() == AccessLevel.VIEW)
            .findFirst()
            .orElseThrow();

    @Inject
    AccessRules rules;

    public boolean mayRead(Caller caller, String namespace) {
        return rules.asked(caller, VIEW.in(namespace));
    }
}
