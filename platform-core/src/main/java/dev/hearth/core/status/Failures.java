package dev.hearth.core.status;

import io.fabric8.kubernetes.client.KubernetesClientException;

/** A failed reconcile in words a user can act on, for a condition's message. */
public final class Failures {
    private Failures() {}

    /**
     * The API server's own words when it refused something, without the request line fabric8 puts around them;
     * otherwise the exception's message with its type.
     */
    public static String message(Exception e) {
        if (e instanceof KubernetesClientException refused
                && refused.getStatus() != null
                && refused.getStatus().getMessage() != null) {
            return refused.getStatus().getMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
