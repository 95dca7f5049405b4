package dev.hearth.core.operator;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.javaoperatorsdk.operator.api.config.ConfigurationService;

/**
 * Whether this replica may write. The reconcilers run only on the leader (the Operator SDK starts their event
 * processing when the lease is won); work a service starts by itself (on start, or from an informer's handler) asks
 * here first, so that a standby writes nothing. Without leader election (the test profile) the replica always leads.
 */
@Singleton
public class Leadership {
    private static final Logger LOG = Logger.getLogger(Leadership.class);

    /** Looked up when first asked: the SDK's configuration is what asks {@link LeaderElection} for its lease. */
    private final Instance<ConfigurationService> configuration;

    private final List<Runnable> waiting = new ArrayList<>();
    private boolean leading;

    public Leadership(Instance<ConfigurationService> configuration) {
        this.configuration = configuration;
    }

    /** Runs {@code action} now if this replica leads, else once it wins the lease (on the thread that won it). */
    public void whenLeader(Runnable action) {
        synchronized (this) {
            if (!leads()) {
                waiting.add(action);
                return;
            }
        }
        action.run();
    }

    /** True when this replica may write. */
    public synchronized boolean leads() {
        if (!leading && configuration.get().getLeaderElectionConfiguration().isEmpty()) {
            leading = true;
        }
        return leading;
    }

    /** Called when the lease is won. */
    void started() {
        List<Runnable> actions;
        synchronized (this) {
            leading = true;
            actions = List.copyOf(waiting);
            waiting.clear();
        }
        LOG.infof("Leading: running %d deferred start task(s)", actions.size());
        actions.forEach(Leadership::runLogged);
    }

    private static void runLogged(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.errorf(e, "A task deferred until leadership failed");
        }
    }
}
