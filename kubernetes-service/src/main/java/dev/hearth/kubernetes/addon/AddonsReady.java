package dev.hearth.kubernetes.addon;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.hearth.core.status.ReadyCondition;
import dev.hearth.core.upstream.FluxReady;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * The {@code AddonsReady} condition of a cluster: what Flux says of its addon HelmReleases. True when Flux installed
 * every one; otherwise the reason is Flux's own for the first addon not Ready in install order (the CNI first: the
 * others wait for it), and the message names each addon not Ready with Flux's reason and message.
 *
 * @param status {@code True}, {@code False} (Flux reports a failure or a wait, e.g. for the tenant cluster's
 *     kubeconfig) or {@code Unknown} (Flux has not reported yet)
 */
public record AddonsReady(String status, String reason, String message) {
    public static final String TYPE = "AddonsReady";

    /**
     * @param desired the addon releases' names, in install order
     * @param observed the cluster's HelmReleases as cached, by name
     */
    public static AddonsReady of(List<String> desired, Map<String, ? extends GenericKubernetesResource> observed) {
        List<String> notReady = new ArrayList<>();
        String reason = null;
        boolean failed = false;
        for (String name : desired) {
            GenericKubernetesResource release = observed.get(name);
            if (release == null) {
                notReady.add("HelmRelease " + name + " is not created yet");
                reason = reason == null ? "Reconciling" : reason;
                continue;
            }
            FluxReady ready = FluxReady.of(release);
            if (ready.isTrue()) {
                continue;
            }
            failed |= ready.isFalse();
            notReady.add("HelmRelease " + name + " " + ready.describe());
            if (reason == null) {
                reason = ready.state() == FluxReady.State.REPORTED ? ready.reason() : "Progressing";
            }
        }
        if (notReady.isEmpty()) {
            return new AddonsReady(
                    ReadyCondition.TRUE,
                    "AddonsInstalled",
                    "Flux installed every addon: " + String.join(", ", desired));
        }
        return new AddonsReady(
                failed ? ReadyCondition.FALSE : ReadyCondition.UNKNOWN, reason, String.join("; ", notReady));
    }
}
