package dev.hearth.core.operator;

import java.util.Collection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.hearth.core.kube.ServerSideApply;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Objects a service puts in place when it starts rather than from a reconcile (apps-catalog's built-in definitions,
 * the chart repositories its releases name): applied once this replica leads, so that a standby writes nothing, and
 * retried every 10 s in the background while the API server refuses them (unreachable, or their namespace not there
 * yet), so that the service's start never waits for them.
 */
@Singleton
public class AppliedOnStart {
    static final long RETRY_SECONDS = 10;
    private static final Logger LOG = Logger.getLogger(AppliedOnStart.class);

    private final KubernetesClient client;
    private final Leadership leadership;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();

    public AppliedOnStart(KubernetesClient client, Leadership leadership) {
        this.client = client;
        this.leadership = leadership;
    }

    /** Applies {@code objects} (asked again on each attempt) under {@code service}'s field manager once leading. */
    public void apply(String what, String service, Supplier<? extends Collection<? extends HasMetadata>> objects) {
        leadership.whenLeader(() -> retries.execute(() -> attempt(what, service, objects)));
    }

    private void attempt(String what, String service, Supplier<? extends Collection<? extends HasMetadata>> objects) {
        try {
            ServerSideApply apply = ServerSideApply.of(client, service);
            Collection<? extends HasMetadata> desired = objects.get();
            desired.forEach(apply::apply);
            LOG.infof("Applied %s (%d objects)", what, desired.size());
        } catch (RuntimeException e) {
            LOG.warnf("Cannot apply %s yet, retrying in %d s: %s", what, RETRY_SECONDS, e.getMessage());
            retries.schedule(() -> attempt(what, service, objects), RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    /**
     * Not an observer of the shutdown: an observer would keep this bean, and Leadership's SDK types, in a service that
     * uses neither (dashboard-backend has no Operator SDK).
     */
    @PreDestroy
    void stop() {
        retries.shutdownNow();
    }
}
