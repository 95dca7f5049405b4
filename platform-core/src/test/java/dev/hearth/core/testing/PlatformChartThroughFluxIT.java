package dev.hearth.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.hearth.core.upstream.Flux;
import dev.hearth.core.upstream.FluxReady;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * The platform chart installs itself through Flux as bundles install it: source-controller serves it from a Helm
 * repository, helm-controller installs it (CRDs with {@code CreateReplace}) onto the test API server, whose
 * Kubernetes version the chart's {@code kubeVersion} accepts and which serves ServiceMonitors, so they are rendered.
 * No kubelet runs: the Deployments exist, their pods do not run, so the release does not wait for them.
 */
class PlatformChartThroughFluxIT {
    private static final ResourceDefinitionContext HELM_RELEASE =
            ResourceDefinitionContext.fromResourceType(Flux.HelmRelease.class);

    private static TestKubernetes kubernetes;
    private static HelmChartRepository charts;

    @BeforeAll
    static void startFlux() {
        kubernetes = TestKubernetes.shared().withFlux().withUpstreamCrds("monitoring.coreos.com");
        charts = HelmChartRepository.serve(PlatformChart.chart().getParent(), 0);
    }

    @AfterAll
    static void stopChartRepository() {
        if (charts != null) {
            charts.close();
        }
    }

    @Test
    @Timeout(300)
    void helmControllerInstallsThePlatformChartWithItsCrdsAndEveryServicesObjects() {
        KubernetesClient client = kubernetes.client();
        assertThat(charts.charts()).containsExactly("hearth-0.1.0");
        String namespace = kubernetes.newNamespace("platform");
        // the installer's account, as bundle-installer names one for the platform component
        apply(client, """
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: hearth-installer, namespace: %1$s}
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata: {name: hearth-installer-%1$s}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
                subjects: [{kind: ServiceAccount, name: hearth-installer, namespace: %1$s}]
                ---
                apiVersion: source.toolkit.fluxcd.io/v1
                kind: HelmRepository
                metadata: {name: hearth, namespace: %1$s}
                spec: {url: "%2$s", interval: 1m}
                ---
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata: {name: hearth, namespace: %1$s}
                spec:
                  interval: 5m
                  serviceAccountName: hearth-installer
                  chart:
                    spec:
                      chart: hearth
                      version: 0.1.0
                      sourceRef: {kind: HelmRepository, name: hearth}
                  install: {crds: CreateReplace, disableWait: true}
                  upgrade: {crds: CreateReplace, disableWait: true}
                  values:
                    metrics: {serviceMonitor: true}
                    tenantService: {replicas: 2}
                """.formatted(namespace, charts.url()));

        try {
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        var release = client.genericKubernetesResources(HELM_RELEASE)
                                .inNamespace(namespace)
                                .withName("hearth")
                                .get();
                        return release != null && FluxReady.of(release).isTrue();
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(
                    "HelmRelease hearth not Ready: "
                            + client.genericKubernetesResources(HELM_RELEASE)
                                    .inNamespace(namespace)
                                    .withName("hearth")
                                    .get()
                            + "\n" + kubernetes.flux().logTails(),
                    e);
        }

        assertThat(names(client.apps()
                        .deployments()
                        .inNamespace(namespace)
                        .list()
                        .getItems()))
                .containsExactlyInAnyOrder(
                        "tenant-service", "kubernetes-service", "vm-service", "apps-catalog", "bundle-installer");
        assertThat(names(client.serviceAccounts().inNamespace(namespace).list().getItems()))
                .contains("tenant-service", "apps-catalog");
        assertThat(client.rbac()
                        .clusterRoles()
                        .withName("hearth:tenant-service")
                        .get())
                .isNotNull();
        assertThat(names(client.policy()
                        .v1()
                        .podDisruptionBudget()
                        .inNamespace(namespace)
                        .list()
                        .getItems()))
                .containsExactly("tenant-service");
        assertThat(names(client.genericKubernetesResources("monitoring.coreos.com/v1", "ServiceMonitor")
                        .inNamespace(namespace)
                        .list()
                        .getItems()))
                .hasSize(5);
        assertThat(client.network()
                        .networkPolicies()
                        .inNamespace(namespace)
                        .withName("hearth-services")
                        .get())
                .isNotNull();
        assertThat(client.apiextensions()
                        .v1()
                        .customResourceDefinitions()
                        .withName("tenants.apps.hearth.dev")
                        .get())
                .isNotNull();
    }

    private static void apply(KubernetesClient client, String yaml) {
        for (String document : yaml.split("(?m)^---$")) {
            GenericKubernetesResource object =
                    client.getKubernetesSerialization().unmarshal(document, GenericKubernetesResource.class);
            client.resource(object)
                    .fieldManager("hearth-test-harness")
                    .forceConflicts()
                    .serverSideApply();
        }
    }

    private static List<String> names(List<? extends HasMetadata> objects) {
        return objects.stream().map(o -> o.getMetadata().getName()).toList();
    }
}
