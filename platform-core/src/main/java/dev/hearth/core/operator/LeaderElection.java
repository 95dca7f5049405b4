package dev.hearth.core.operator;

import java.time.Duration;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.hearth.core.Labels;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Leader election of every Hearth operator: one replica reconciles, the others stand by with their caches filled and
 * take over when the Lease {@code hearth-<service>} is not renewed. The Operator SDK asks for this configuration only
 * in the profiles of {@code quarkus.operator-sdk.activate-leader-election-for-profiles} (default {@code prod}): the
 * tests, in the {@code test} profile, run a single replica without a lease.
 *
 * <p>A bean only where the Operator SDK is (its default for that setting exists only there): dashboard-backend,
 * without it, lacks the class this produces. Keep the setting at its default for that reason.
 */
@Singleton
@IfBuildProperty(name = "quarkus.operator-sdk.activate-leader-election-for-profiles", stringValue = "prod")
public class LeaderElection {
    static final String LEASE_NAMESPACE = "hearth.leader-election.lease-namespace";
    private static final Logger LOG = Logger.getLogger(LeaderElection.class);
    private volatile boolean shuttingDown;

    @Produces
    @Singleton
    LeaderElectionConfiguration configuration(
            @ConfigProperty(name = "quarkus.application.name") String service,
            @ConfigProperty(name = LEASE_NAMESPACE) Optional<String> namespace,
            @ConfigProperty(name = "hearth.leader-election.identity") Optional<String> identity,
            @ConfigProperty(name = "hearth.leader-election.lease-duration", defaultValue = "PT15S")
                    Duration leaseDuration,
            @ConfigProperty(name = "hearth.leader-election.renew-deadline", defaultValue = "PT10S")
                    Duration renewDeadline,
            @ConfigProperty(name = "hearth.leader-election.retry-period", defaultValue = "PT2S") Duration retryPeriod,
            Leadership leadership) {
        // the SDK would fall back to the client's namespace, which outside a pod is whatever the kubeconfig says
        String leaseNamespace = namespace
                .filter(n -> !n.isBlank())
                .orElseThrow(() -> new IllegalStateException("Leader election is on but " + LEASE_NAMESPACE
                        + " (env HEARTH_LEADER_ELECTION_LEASE_NAMESPACE) is not set: set it to the namespace Hearth"
                        + " runs in, where the Lease " + Labels.managedBy(service) + " lives"));
        var builder = LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(Labels.managedBy(service))
                .withLeaseNamespace(leaseNamespace)
                .withLeaseDuration(leaseDuration)
                .withRenewDeadline(renewDeadline)
                .withRetryPeriod(retryPeriod)
                .withLeaderCallbacks(new LeaderCallbacks(leadership::started, this::stoppedLeading, leader -> {}));
        // unset: the SDK takes HOSTNAME, which in a pod is the pod's name
        identity.filter(i -> !i.isBlank()).ifPresent(builder::withIdentity);
        return builder.build();
    }

    /**
     * Before the Operator SDK stops (its observer's priority is 3123), and with it the leader elector, which then calls
     * {@link #stoppedLeading}: a shutdown is no lost lease.
     */
    void shuttingDown(@Observes @Priority(0) ShutdownEvent event) {
        shuttingDown = true;
    }

    /**
     * A lost lease ends the process, so that the restarted pod stands by with fresh caches instead of a replica that
     * leads no more and never competes again. The SDK 5.3.0 would not exit by itself: its builder leaves
     * {@code exitOnStopLeading} false (operator-framework/java-operator-sdk#3619), and with it true it calls
     * {@code System.exit} from its own shutdown too, which then hangs until SIGKILL.
     */
    private void stoppedLeading() {
        if (!shuttingDown) {
            LOG.error("Lost the lease: exiting, to be restarted as a standby");
            Quarkus.asyncExit(1);
        }
    }
}
