package dev.hearth.dashboard.identity;

/** A valid token whose identity the backend will not act as (answered 403). */
public class IdentityRefused extends RuntimeException {
    public IdentityRefused(String message) {
        super(message);
    }
}
