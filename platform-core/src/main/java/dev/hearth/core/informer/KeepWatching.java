package dev.hearth.core.informer;

import org.jboss.logging.Logger;

import io.fabric8.kubernetes.client.informers.ExceptionHandler;

/**
 * An informer's exception handler that keeps it listing and watching after any failure but an object it cannot read.
 * fabric8's default stops an informer whose first list fails (e.g. a connection closed while the API server starts
 * serving a new CRD), and nothing would start it again: its kind would go unreconciled until a restart.
 */
public final class KeepWatching implements ExceptionHandler {
    private static final Logger LOG = Logger.getLogger(KeepWatching.class);
    private final String what;

    private KeepWatching(String what) {
        this.what = what;
    }

    /** @param what what the informer watches, for the log */
    public static KeepWatching of(String what) {
        return new KeepWatching(what);
    }

    @Override
    public boolean retryAfterException(boolean isStarted, Throwable t) {
        if (ExceptionHandler.isDeserializationException(t)) {
            LOG.errorf(t, "The informer of %s stops: an object cannot be read", what);
            return false;
        }
        LOG.warnf("The informer of %s failed (%s); it retries", what, t.getMessage());
        return true;
    }
}
