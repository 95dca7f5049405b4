package dev.hearth.core.testing;

import java.time.OffsetDateTime;
import java.util.List;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * What a cloud and kubelets would do, played by a test where neither runs: Helm (and so helm-controller) waits until a
 * LoadBalancer Service has an address and a Deployment's or StatefulSet's pods are ready. With kube-controller-manager
 * creating those pods ({@link TestKubernetes#withControllerManager}), {@link #settle} gives the addresses and reports
 * the pods ready. Nothing runs in them: the tests check objects, never workloads.
 */
public final class PlayedCloud {
    private PlayedCloud() {}

    /** One round over {@code namespace}: call it repeatedly while waiting for a release. */
    public static void settle(KubernetesClient client, String namespace) {
        for (Service service : client.services().inNamespace(namespace).list().getItems()) {
            if ("LoadBalancer".equals(service.getSpec().getType()) && !hasAddress(service)) {
                giveAddress(client, service);
            }
        }
        for (Pod pod : client.pods().inNamespace(namespace).list().getItems()) {
            if (!"Running"
                    .equals(pod.getStatus() == null ? null : pod.getStatus().getPhase())) {
                reportReady(client, pod);
            }
        }
    }

    private static boolean hasAddress(Service service) {
        return service.getStatus() != null
                && service.getStatus().getLoadBalancer() != null
                && service.getStatus().getLoadBalancer().getIngress() != null
                && !service.getStatus().getLoadBalancer().getIngress().isEmpty();
    }

    private static void giveAddress(KubernetesClient client, Service service) {
        ignoringConflicts(() -> client.services()
                .inNamespace(service.getMetadata().getNamespace())
                .withName(service.getMetadata().getName())
                .editStatus(s -> new ServiceBuilder(s)
                        .editOrNewStatus()
                        .withNewLoadBalancer()
                        .addNewIngress()
                        .withIp("127.0.0.1")
                        .endIngress()
                        .endLoadBalancer()
                        .endStatus()
                        .build()));
    }

    private static void reportReady(KubernetesClient client, Pod pod) {
        String now = OffsetDateTime.now().toString();
        ignoringConflicts(() -> client.pods()
                .inNamespace(pod.getMetadata().getNamespace())
                .withName(pod.getMetadata().getName())
                .editStatus(p -> {
                    p.getStatus().setPhase("Running");
                    p.getStatus().setStartTime(now);
                    p.getStatus()
                            .setConditions(List.of("PodScheduled", "Initialized", "ContainersReady", "Ready").stream()
                                    .map(type -> new PodConditionBuilder()
                                            .withType(type)
                                            .withStatus("True")
                                            .withLastTransitionTime(now)
                                            .build())
                                    .toList());
                    p.getStatus()
                            .setContainerStatuses(p.getSpec().getContainers().stream()
                                    .map(c -> new ContainerStatusBuilder()
                                            .withName(c.getName())
                                            .withImage(c.getImage())
                                            .withImageID("")
                                            .withReady(true)
                                            .withStarted(true)
                                            .withRestartCount(0)
                                            .withNewState()
                                            .withNewRunning()
                                            .withStartedAt(now)
                                            .endRunning()
                                            .endState()
                                            .build())
                                    .toList());
                    return p;
                }));
    }

    /** Another round retries what a concurrent writer (a controller) changed in between, or deleted. */
    private static void ignoringConflicts(Runnable write) {
        try {
            write.run();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409 && e.getCode() != 404) {
                throw e;
            }
        }
    }
}
