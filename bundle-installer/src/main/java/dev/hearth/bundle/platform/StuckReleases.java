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
 * deployed releases", and retries exhausted. Each distinct stuck state (generation, condition, Flux's message) is
 * remediated once with Flux's reset and force annotations, and remembered on the release, so a state that stays
 * stuck is not reset again and again: then it is the administrator's retry request.
 */
final class StuckReleases {
    /** The stuck state remediated last, on the release: survives restarts, kept while the release is written. */
    static final String REMEDIATED = "platform.hearth.dev/remediated-stuck-state";

    static final String REASON = "StuckReleaseRemediated";
    private static final List<String> HELM_STUCK =
            List.of("another operation (install/upgrade/rollback) is in progress", "has no deployed releases");
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
        Optional<String> quote = quote(release, givenUpToo);
        if (quote.isEmpty()) {
            return Optional.ofNullable(remembered).map(state -> new Remediation(state, null, false));
        }
        String state = ContentHash.of(
                List.of(Objects.toString(release.getMetadata().getGeneration()), quote.get()), STATE_DIGITS);
        return Optional.of(new Remediation(state, quote.get(), !state.equals(remembered)));
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

    private static Optional<String> quote(Flux.HelmRelease release, boolean givenUpToo) {
        List<Map<String, Object>> conditions = ComponentReleases.currentConditions(release);
        Optional<String> helm = conditions.stream()
                .filter(c -> ("Ready".equals(c.get("type")) || "Released".equals(c.get("type")))
                        && "False".equals(c.get("status")))
                .map(c -> Objects.toString(c.get("message"), ""))
                .filter(message -> HELM_STUCK.stream().anyMatch(message::contains))
                .findFirst();
        if (helm.isPresent() || !givenUpToo || !ComponentReleases.gaveUp(release)) {
            return helm;
        }
        // Stalled says why Flux gave up (RetriesExceeded); failures past the retries without it, Ready
        return conditions.stream()
                .filter(c -> "Stalled".equals(c.get("type")))
                .findFirst()
                .or(() -> conditions.stream()
                        .filter(c -> "Ready".equals(c.get("type")))
                        .findFirst())
                .map(c -> c.get("reason") + ": " + c.get("message"));
    }

    private static Map<String, String> annotations(Flux.HelmRelease release) {
        Map<String, String> annotations = release.getMetadata().getAnnotations();
        return annotations == null ? Map.of() : annotations;
    }
}
