package dev.hearth.core.health;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Readiness part shared by every service: the Kubernetes API server answers {@code /version} in time. Operators
 * add the Operator SDK's own check (every informer started and synced) beside it.
 */
@Readiness
@ApplicationScoped
public class ApiServerReadinessCheck implements HealthCheck {
    private static final Logger LOG = Logger.getLogger(ApiServerReadinessCheck.class);

    @Inject
    KubernetesClient client;

    @ConfigProperty(name = "hearth.health.api-server-timeout", defaultValue = "PT3S")
    Duration timeout;

    private volatile boolean lastUp = true;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("Kubernetes API server")
                .withData("url", client.getMasterUrl().toString());
        try {
            var version = CompletableFuture.supplyAsync(client::getKubernetesVersion)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            lastUp = true;
            return response.up().withData("version", version.getGitVersion()).build();
        } catch (Exception e) {
            String reason = e instanceof java.util.concurrent.TimeoutException
                    ? "no answer within " + timeout.toMillis() + " ms"
                    : rootMessage(e);
            if (lastUp) {
                LOG.warnf("Not ready: Kubernetes API server %s unreachable: %s", client.getMasterUrl(), reason);
            }
            lastUp = false;
            return response.down().withData("reason", reason).build();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
