package dev.hearth.dashboard.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.hearth.core.tenant.AccessLevel;
import dev.hearth.dashboard.access.LevelProbe;
import dev.hearth.dashboard.identity.ActingAs;
import dev.hearth.dashboard.identity.Caller;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;

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
    ActingAs actingAs;

    public boolean mayRead(Caller caller, String namespace) {
        SelfSubjectAccessReview answer = actingAs.client(caller)
                .authorization()
                .v1()
                .selfSubjectAccessReview()
                .create(new SelfSubjectAccessReviewBuilder()
                        .withNewSpec()
                        .withResourceAttributes(VIEW.in(namespace))
                        .endSpec()
                        .build());
        return answer.getStatus() != null
                && Boolean.TRUE.equals(answer.getStatus().getAllowed());
    }
}
