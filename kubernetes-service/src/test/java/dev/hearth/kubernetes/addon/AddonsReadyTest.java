package dev.hearth.kubernetes.addon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

class AddonsReadyTest {
    private static final List<String> ADDONS =
            List.of("kubernetes-dev-cilium", "kubernetes-dev-coredns", "kubernetes-dev-metrics-server");
    private static final String NO_KUBECONFIG = "could not get KubeConfig secret 'tenant-acme/kubernetes-dev-admin-"
            + "kubeconfig': secrets \"kubernetes-dev-admin-kubeconfig\" not found";
    private static final String NO_CNI = "dependency 'tenant-acme/kubernetes-dev-cilium' is not ready";

    /** The addon releases as Flux left them, and the condition the cluster shows. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "every addon installed",
                        Map.of(
                                "kubernetes-dev-cilium", release(1, 1, "True", "InstallSucceeded", "ok"),
                                "kubernetes-dev-coredns", release(1, 1, "True", "InstallSucceeded", "ok"),
                                "kubernetes-dev-metrics-server", release(1, 1, "True", "UpgradeSucceeded", "ok")),
                        new AddonsReady(
                                "True",
                                "AddonsInstalled",
                                "Flux installed every addon: kubernetes-dev-cilium, kubernetes-dev-coredns, "
                                        + "kubernetes-dev-metrics-server")),
                Arguments.of(
                        "waiting for the tenant cluster's kubeconfig: the CNI's reason, each addon in Flux's words",
                        Map.of(
                                "kubernetes-dev-cilium", release(1, 1, "False", "RESTClientError", NO_KUBECONFIG),
                                "kubernetes-dev-coredns", release(1, 1, "False", "DependencyNotReady", NO_CNI),
                                "kubernetes-dev-metrics-server", release(1, 1, "False", "DependencyNotReady", NO_CNI)),
                        new AddonsReady(
                                "False",
                                "RESTClientError",
                                "HelmRelease kubernetes-dev-cilium is not Ready (RESTClientError): " + NO_KUBECONFIG
                                        + "; HelmRelease kubernetes-dev-coredns is not Ready (DependencyNotReady): "
                                        + NO_CNI
                                        + "; HelmRelease kubernetes-dev-metrics-server is not Ready "
                                        + "(DependencyNotReady): " + NO_CNI)),
                Arguments.of(
                        "not seen yet, not reconciled yet, a change not reconciled: Unknown",
                        Map.of(
                                "kubernetes-dev-coredns", release(1, null, null, null, null),
                                "kubernetes-dev-metrics-server", release(2, 1, "True", "InstallSucceeded", "ok")),
                        new AddonsReady(
                                "Unknown",
                                "Reconciling",
                                "HelmRelease kubernetes-dev-cilium is not created yet; "
                                        + "HelmRelease kubernetes-dev-coredns is not reconciled by Flux yet; "
                                        + "HelmRelease kubernetes-dev-metrics-server has a change Flux has not "
                                        + "reconciled yet")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void addonsReadySaysWhatFluxSaysOfEachAddon(
            String when, Map<String, GenericKubernetesResource> observed, AddonsReady expected) {
        assertThat(AddonsReady.of(ADDONS, observed)).isEqualTo(expected);
    }

    /** A HelmRelease of {@code generation}; without {@code observed}, Flux has written no status. */
    private static GenericKubernetesResource release(
            long generation, Integer observed, String status, String reason, String message) {
        var release = new GenericKubernetesResource();
        release.setMetadata(new ObjectMetaBuilder()
                .withName("release")
                .withNamespace("tenant-acme")
                .withGeneration(generation)
                .build());
        if (observed != null) {
            Map<String, Object> condition = new LinkedHashMap<>();
            condition.put("type", "Ready");
            condition.put("status", status);
            condition.put("reason", reason);
            condition.put("message", message);
            condition.put("observedGeneration", observed);
            release.setAdditionalProperty(
                    "status", Map.of("observedGeneration", observed, "conditions", List.of(condition)));
        }
        return release;
    }
}
