package dev.hearth.kubernetes.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hearth.core.api.kubernetes.Addons;
import dev.hearth.core.api.kubernetes.Kubernetes;
import dev.hearth.core.tenant.ReleaseServiceAccount;
import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.core.testing.PlayedCloud;
import dev.hearth.core.testing.TestKubernetes;
import dev.hearth.core.upstream.Flux;
import dev.hearth.core.upstream.FluxReady;
import dev.hearth.kubernetes.addon.AddonsReady;
import dev.hearth.kubernetes.release.ClusterNetwork;
import dev.hearth.kubernetes.release.ClusterRelease;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The addon HelmReleases kubernetes-service writes, acted on by real Flux (helm-controller with
 * {@code --default-service-account=hearth-releases}, as in production), with the real addon charts: Cilium and
 * metrics-server from their projects' Go modules, Hearth's CoreDNS, served as the HelmRepository kubernetes-service
 * itself writes ({@link AddonChartsServed}). The tenant cluster's kubeconfig, which Kamaji writes, does not exist here
 * at first: the CNI's release waits for it with Flux's own reason and message, the others wait for the CNI, and the
 * cluster's {@code AddonsReady} condition says so. Then a kubeconfig is given (the test API server's own, playing the
 * tenant cluster): helm-controller acts there as {@code system:serviceaccount:<tenant namespace>:hearth-releases},
 * which nothing grants anything there, and Flux's message names the refusal (docs/operations.md, "Flux in
 * production"). Once that account is bound there, the charts install with the values the service gave them, the
 * cluster's addons become ready, and deleting the cluster uninstalls them.
 */
@QuarkusTest
@QuarkusTestResource(
        value = KubeApiServerTestResource.class,
        initArgs = {
            @ResourceArg(name = "upstreamCrds", value = TenantClusters.UPSTREAM_CRDS),
            @ResourceArg(name = "flux", value = "true"),
            @ResourceArg(name = "fluxDefaultServiceAccount", value = ReleaseServiceAccount.NAME),
            @ResourceArg(name = "controllerManager", value = "true")
        })
@QuarkusTestResource(AddonChartsServed.class)
class AddonsThroughFluxIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String ADDON_SOURCE_NAMESPACE = "hearth-system";
    private static final String ADDON_SOURCE = "hearth-kubernetes-addons";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KubernetesClient client = TestKubernetes.shared().client();
    private final TenantClusters tenants = new TenantClusters(client);

    @Test
    void addonReleasesAreInstalledByFluxIntoTheTenantClusterOnceItsKubeconfigAndAccountAreThere() throws IOException {
        // the source the releases name, written by kubernetes-service (not by hand) and fetched by source-controller
        Flux.HelmRepository source = await("HelmRepository " + ADDON_SOURCE + " written and fetched")
                .atMost(TIMEOUT)
                .until(
                        () -> client.resources(Flux.HelmRepository.class)
                                .inNamespace(ADDON_SOURCE_NAMESPACE)
                                .withName(ADDON_SOURCE)
                                .get(),
                        r -> r != null && FluxReady.of(r).isTrue());
        assertThat(source.getMetadata().getLabels())
                .containsEntry("app.kubernetes.io/managed-by", "hearth-kubernetes-service");

        var tenant = tenants.newTenant(true);
        String ns = tenant.getStatus().namespace;
        // the built-in addons only (cilium, coredns, metrics-server), with two values a user may override: the DNS
        // address (one of the test API server's service range; a real tenant cluster takes kubernetes-service's), and
        // no metrics APIService, which the shared API server would serve to every other test as unavailable
        String dnsAddress = freeServiceAddress();
        Kubernetes kubernetes = Fixtures.kubernetes("minimal");
        kubernetes.setMetadata(
                new ObjectMetaBuilder().withName("addons").withNamespace(ns).build());
        kubernetes.getSpec().addons = new Addons();
        kubernetes.getSpec().addons.coredns.valuesOverride =
                JSON.valueToTree(Map.of("service", Map.of("clusterIP", dnsAddress)));
        kubernetes.getSpec().addons.metricsServer.valuesOverride =
                JSON.valueToTree(Map.of("apiService", Map.of("create", false)));
        client.resource(kubernetes).create();
        String cilium = "kubernetes-addons-cilium";
        String secret = "kubernetes-addons-admin-kubeconfig";

        // accepted by the API server (Flux's CRD) and by helm-controller, which fetched the chart and reached the
        // kubeconfig step
        FluxReady waiting = awaitFlux(
                ns, cilium, r -> r.isFalse() && "RESTClientError".equals(r.reason()), "waiting for the kubeconfig");
        assertThat(waiting.message())
                .isEqualTo("could not get KubeConfig secret '" + ns + "/" + secret + "': secrets \"" + secret
                        + "\" not found");
        for (String addon : List.of("kubernetes-addons-coredns", "kubernetes-addons-metrics-server")) {
            FluxReady dependent = awaitFlux(
                    ns, addon, r -> r.isFalse() && "DependencyNotReady".equals(r.reason()), "waiting for the CNI");
            assertThat(dependent.message()).contains(ns + "/" + cilium);
        }

        // the cluster's status says the same, in Flux's words
        Condition addons = awaitAddonsReady(ns, c -> "RESTClientError".equals(c.getReason()));
        assertThat(addons.getStatus()).isEqualTo("False");
        assertThat(addons.getMessage())
                .startsWith("HelmRelease " + cilium + " is not Ready (RESTClientError): " + waiting.message())
                .contains("HelmRelease kubernetes-addons-coredns is not Ready (DependencyNotReady): ")
                .contains("HelmRelease kubernetes-addons-metrics-server is not Ready (DependencyNotReady): ");

        // a kubeconfig for the "tenant cluster" (here the test API server itself, as its admin): helm-controller
        // impersonates the release account of the HelmRelease's namespace there, which has no rights in that cluster
        client.resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName(secret)
                        .withNamespace(ns)
                        .endMetadata()
                        .addToStringData(ClusterRelease.IN_CLUSTER_KUBECONFIG_KEY, embeddedAdminKubeconfig())
                        .build())
                .create();
        requestReconcile(ns, cilium);
        String account = "system:serviceaccount:" + ns + ":" + ReleaseServiceAccount.NAME;
        FluxReady refused = awaitFlux(
                ns,
                cilium,
                r -> r.isFalse()
                        && !"RESTClientError".equals(r.reason())
                        && r.message().contains(account),
                "refused in the target cluster as " + account);
        assertThat(refused.message()).contains("forbidden");
        assertThat(awaitAddonsReady(ns, c -> c.getMessage().contains(account)).getStatus())
                .isEqualTo("False");

        // the account bound in the tenant cluster (what the cluster's bootstrap must do there): the charts install
        ClusterRoleBinding binding = client.resource(new ClusterRoleBindingBuilder()
                        .withNewMetadata()
                        .withName("addons-test-" + ns)
                        .endMetadata()
                        .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "cluster-admin")
                        .addNewSubject()
                        .withKind("ServiceAccount")
                        .withNamespace(ns)
                        .withName(ReleaseServiceAccount.NAME)
                        .endSubject()
                        .build())
                .create();
        try {
            requestReconcile(ns, cilium);
            for (String addon : List.of(cilium, "kubernetes-addons-coredns", "kubernetes-addons-metrics-server")) {
                // no kubelet runs: the pods of the charts' Deployments are reported ready, which Helm waits for
                awaitFlux(
                        ns,
                        addon,
                        r -> {
                            PlayedCloud.settle(client, "kube-system");
                            return r.isTrue();
                        },
                        "installed in the tenant cluster");
            }
            assertThat(awaitAddonsReady(ns, c -> "True".equals(c.getStatus())).getMessage())
                    .isNotBlank();

            // Hearth's values reached the charts as they expect them
            Map<String, String> ciliumConfig = client.configMaps()
                    .inNamespace("kube-system")
                    .withName("cilium-config")
                    .get()
                    .getData();
            assertThat(ciliumConfig)
                    .containsEntry("routing-mode", "tunnel")
                    .containsEntry("tunnel-protocol", "vxlan")
                    .containsEntry("kube-proxy-replacement", "true")
                    .containsEntry("mtu", "1350")
                    .containsEntry("cluster-pool-ipv4-cidr", ClusterNetwork.POD_CIDR);
            var ciliumAgent = client.apps()
                    .daemonSets()
                    .inNamespace("kube-system")
                    .withName("cilium")
                    .get();
            assertThat(ciliumAgent.getSpec().getTemplate().getSpec().getContainers().stream()
                            .filter(c -> "cilium-agent".equals(c.getName()))
                            .flatMap(c -> c.getEnv().stream())
                            .filter(env -> "KUBERNETES_SERVICE_HOST".equals(env.getName()))
                            .map(env -> env.getValue()))
                    .containsExactly("kubernetes-addons." + ns + ".svc");
            assertThat(client.services()
                            .inNamespace("kube-system")
                            .withName("kube-dns")
                            .get()
                            .getSpec()
                            .getClusterIP())
                    .isEqualTo(dnsAddress);
            assertThat(client.apps()
                            .deployments()
                            .inNamespace("kube-system")
                            .withName("metrics-server")
                            .get())
                    .isNotNull();
            assertThat(client.genericKubernetesResources("apiregistration.k8s.io/v1", "APIService")
                            .withName("v1beta1.metrics.k8s.io")
                            .get())
                    .isNull();

            // deleting the cluster uninstalls its addons from the tenant cluster
            client.resource(tenants.get(ns, "addons")).delete();
            await("the addons uninstalled from the tenant cluster")
                    .atMost(TIMEOUT)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> client.configMaps()
                                            .inNamespace("kube-system")
                                            .withName("cilium-config")
                                            .get()
                                    == null
                            && client.services()
                                            .inNamespace("kube-system")
                                            .withName("kube-dns")
                                            .get()
                                    == null
                            && client.apps()
                                            .deployments()
                                            .inNamespace("kube-system")
                                            .withName("metrics-server")
                                            .get()
                                    == null);
        } finally {
            client.resource(binding).delete();
        }
    }

    /** An address of the test API server's service range (10.0.0.0/24) that no Service holds. */
    private String freeServiceAddress() {
        var taken = client.services().inAnyNamespace().list().getItems().stream()
                .map(service -> service.getSpec().getClusterIP())
                .collect(java.util.stream.Collectors.toSet());
        return java.util.stream.IntStream.rangeClosed(200, 250)
                .mapToObj(i -> "10.0.0." + i)
                .filter(address -> !taken.contains(address))
                .findFirst()
                .orElseThrow();
    }

    /**
     * The test API server's admin kubeconfig with its certificates inline, as Kamaji writes a tenant cluster's: Flux
     * reads no files a kubeconfig Secret names.
     */
    private static String embeddedAdminKubeconfig() throws IOException {
        var config = TestKubernetes.shared().config();
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: tenant
                  cluster:
                    server: %s
                    certificate-authority-data: %s
                users:
                - name: admin
                  user:
                    client-certificate-data: %s
                    client-key-data: %s
                contexts:
                - name: tenant
                  context: {cluster: tenant, user: admin}
                current-context: tenant
                """.formatted(
                        config.getMasterUrl(),
                        base64(config.getCaCertFile()),
                        base64(config.getClientCertFile()),
                        base64(config.getClientKeyFile()));
    }

    private static String base64(String file) throws IOException {
        return Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of(file)));
    }

    /** Asks Flux to reconcile now, as {@code flux reconcile} does, instead of waiting for its back-off. */
    private void requestReconcile(String ns, String name) {
        client.resources(Flux.HelmRelease.class)
                .inNamespace(ns)
                .withName(name)
                .patch(
                        PatchContext.of(PatchType.JSON_MERGE),
                        "{\"metadata\":{\"annotations\":{\"reconcile.fluxcd.io/requestedAt\":\"" + Instant.now()
                                + "\"}}}");
    }

    private FluxReady awaitFlux(String ns, String name, Predicate<FluxReady> until, String what) {
        try {
            return await("HelmRelease " + name + " " + what)
                    .atMost(TIMEOUT)
                    .pollInterval(Duration.ofMillis(500))
                    .until(
                            () -> {
                                Flux.HelmRelease release = client.resources(Flux.HelmRelease.class)
                                        .inNamespace(ns)
                                        .withName(name)
                                        .get();
                                return release == null ? null : FluxReady.of(release);
                            },
                            r -> r != null && until.test(r));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    client.getKubernetesSerialization()
                                    .asYaml(client.resources(Flux.HelmRelease.class)
                                            .inNamespace(ns)
                                            .withName(name)
                                            .get())
                            + "\n" + TestKubernetes.shared().flux().logTails(),
                    e);
        }
    }

    private Condition awaitAddonsReady(String ns, Predicate<Condition> until) {
        try {
            return await("AddonsReady of Kubernetes addons")
                    .atMost(TIMEOUT)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> addonsReady(tenants.get(ns, "addons")), c -> c != null && until.test(c));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    client.getKubernetesSerialization()
                            .asYaml(tenants.get(ns, "addons").getStatus()),
                    e);
        }
    }

    private static Condition addonsReady(Kubernetes kubernetes) {
        if (kubernetes == null || kubernetes.getStatus() == null) {
            return null;
        }
        return kubernetes.getStatus().conditions.stream()
                .filter(c -> AddonsReady.TYPE.equals(c.getType()))
                .findFirst()
                .orElse(null);
    }
}
