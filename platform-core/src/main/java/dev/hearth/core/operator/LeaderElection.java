package dev.hearth.core.operator;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.hearth.core.Labels;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Leader election of every Hearth operator: one replica reconciles, the others stand by with their caches filled and
 * take over when the Lease {@code hearth-<service>} is not renewed. The Operator SDK asks for this configuration only
 * in the profiles of {@code quarkus.operator-sdk.activate-leader-election-for-profiles} (default {@code prod}): the
 * tests, in the {@code test} profile, run a single replica without a lease.
 *
 * <p>A bean only where the Operator SDK is (its default for that setting exists only there): dashboard-backend and
 * bundle-installer, without it, lack the class this produces. Keep the setting at its default for that reason.
 */
@Singleton
@IfBuildProperty(name = "quarkus.operator-sdk.activate-leader-election-for-profiles", stringValue = "prod")
public class LeaderElection {
    static final String LEASE_NAMESPACE = "hearth.leader-election.lease-namespace";

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
                // losing the lease ends the process (the SDK's default): the restarted pod stands by with fresh caches
                .withLeaderCallbacks(new LeaderCallbacks(leadership::started, () -> {}, leader -> {}));
        // unset: the SDK takes HOSTNAME, which in a pod is the pod's name
        identity.filter(i -> !i.isBlank()).ifPresent(builder::withIdentity);
        return builder.build();
    }
}
