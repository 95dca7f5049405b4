package dev.hearth.bundle.platform;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.hearth.core.ContentHash;
import dev.hearth.core.upstream.Flux;

/**
 * Releases helm-controller cannot get out of by itself, recognised by what it writes in their conditions: Helm's lock
 * left by a killed upgrade ("another operation (install/upgrade/rollback) is in progress"), a release with "no
 * deployed releases", and retries exhausted. Each distinct stuck state (the release's generation and the kind of
 * stuck: which of Helm's messages, or Flux having given up) is remediated once with Flux's reset
 * and force annotations, and remembered on the release, so a state that stays stuck is not reset again and again:
 * then it is the administrator's retry request. Flux's message is quoted but not part of the state: it carries counts
 * and revisions that change from one attempt to the next.
 */
final class StuckReleases {
    /** The stuck state remediated last, on the release: survives restarts, kept while the release is written. */
    static final String REMEDIATED = "platform.hearth.dev/remediated-stuck-state";

    static final String REASON = "StuckReleaseRemediated";
    private static final List<String> HELM_STUCK =
            List.of("another operation (install/upgrade/rollback) is in progress", "has no deployed releases");
    private static final String GAVE_UP = "gave up";
    private static final int STATE_DIGITS = 12;

    private StuckReleases() {}

    /**
     * The stuck state a release's remediation answers: {@code quote} is Flux's message when it is stuck now,
     * {@code fresh} when this state was not remediated before.
     */
    record Remediation(String state, String quote, boolean fresh) {
        boolean stuck() {
            return quote != null;
        }

        /** The token of Flux's request, reset and force annotations, with the administrator's retry request. */
        String token(String retryRequest) {
            return retryRequest == null ? state : retryRequest + "-" + state;
        }
    }

    /**
     * @param givenUpToo whether retries exhausted count (not in a bundle upgrade, where they roll the bundle back)
     */
    static Optional<Remediation> of(Flux.HelmRelease release, boolean givenUpToo) {
        if (release == null) {
            return Optional.empty();
        }
        String remembered = annotations(release).get(REMEDIATED);
        Optional<Stuck> stuck = stuck(release, givenUpToo);
        if (stuck.isEmpty()) {
            return Optional.ofNullable(remembered).map(state -> new Remediation(state, null, false));
        }
        String state = ContentHash.of(
                List.of(
                        Objects.toString(release.getMetadata().getGeneration()),
                        stuck.get().cause()),
                STATE_DIGITS);
        return Optional.of(new Remediation(state, stuck.get().quote(), !state.equals(remembered)));
    }

    /** The release to write, remembering the remediated state. */
    static Flux.HelmRelease remember(Flux.HelmRelease desired, Remediation remediation) {
        Map<String, String> annotations = new HashMap<>(annotations(desired));
        annotations.put(REMEDIATED, remediation.state());
        desired.getMetadata().setAnnotations(annotations);
        return desired;
    }

    /** The component's status message: the same for the remediation and the passes after it (one Event). */
    static String message(String component, Remediation remediation) {
        return "helm-controller reported: " + remediation.quote() + ". Reset and forced once for this state ("
                + remediation.state() + "); if it stays stuck, set spec.components." + component
                + ".retryRequest to a new value";
    }

    /** What keeps a release stuck ({@code cause}, stable across attempts) and Flux's words for it. */
    private record Stuck(String cause, String quote) {}

    private static Optional<Stuck> stuck(Flux.HelmRelease release, boolean givenUpToo) {
        List<Map<String, Object>> conditions = ComponentReleases.currentConditions(release);
        for (Map<String, Object> c : conditions) {
            if (("Ready".equals(c.get("type")) || "Released".equals(c.get("type")))
                    && "False".equals(c.get("status"))) {
                String message = Objects.toString(c.get("message"), "");
                Optional<String> helm =
                        HELM_STUCK.stream().filter(message::contains).findFirst();
                if (helm.isPresent()) {
                    return Optional.of(new Stuck(helm.get(), message));
                }
            }
        }
        if (!givenUpToo || !ComponentReleases.gaveUp(release)) {
            return Optional.empty();
        }
        // Stalled says why Flux gave up (RetriesExceeded, or MissingRollbackTarget when the forced attempt after a
        // reset
        // fails too); failures past the retries without it, Ready. One cause: a reset that ends the same is not
        // repeated
        return conditions.stream()
                .filter(c -> "Stalled".equals(c.get("type")))
                .findFirst()
                .or(() -> conditions.stream()
                        .filter(c -> "Ready".equals(c.get("type")))
                        .findFirst())
                .map(c -> new Stuck(GAVE_UP, c.get("reason") + ": " + c.get("message")));
    }

    private static Map<String, String> annotations(Flux.HelmRelease release) {
        Map<String, String> annotations = release.getMetadata().getAnnotations();
        return annotations == null ? Map.of() : annotations;
    }
}
