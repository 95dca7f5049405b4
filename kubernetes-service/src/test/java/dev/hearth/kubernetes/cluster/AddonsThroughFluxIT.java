package dev.hearth.kubernetes.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.hearth.core.api.kubernetes.Kubernetes;
import dev.hearth.core.tenant.ReleaseServiceAccount;
import dev.hearth.core.testing.HelmChartRepository;
import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.core.testing.TestKubernetes;
import dev.hearth.core.upstream.Flux;
import dev.hearth.core.upstream.FluxReady;
import dev.hearth.core.upstream.Upstream;
import dev.hearth.kubernetes.addon.AddonsReady;
import dev.hearth.kubernetes.release.ClusterRelease;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The addon HelmReleases kubernetes-service writes, acted on by real Flux (helm-controller with
 * {@code --default-service-account=hearth-releases}, as in production). The addons' chart source is served with
 * stand-in charts of the same names (the real ones are not served here), so that helm-controller gets past the chart
 * and reaches the tenant cluster's kubeconfig, which Kamaji writes and which does not exist here: the CNI's release
 * waits for it with Flux's own reason and message, the others wait for the CNI, and the cluster's {@code AddonsReady}
 * condition says so. Once a kubeconfig is there (the test API server's own, playing the tenant cluster), helm-controller
 * acts in the target cluster as {@code system:serviceaccount:<tenant namespace>:hearth-releases}, which nothing grants
 * anything there: Flux's message names the refusal (docs/operations.md, "Flux in production").
 */
@QuarkusTest
@QuarkusTestResource(
        value = KubeApiServerTestResource.class,
        initArgs = {
            @ResourceArg(name = "upstreamCrds", value = TenantClusters.UPSTREAM_CRDS),
            @ResourceArg(name = "flux", value = "true"),
            @ResourceArg(name = "fluxDefaultServiceAccount", value = ReleaseServiceAccount.NAME)
        })
class AddonsThroughFluxIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String ADDON_SOURCE_NAMESPACE = "hearth-system";
    private static final String ADDON_SOURCE = "hearth-kubernetes-addons";

    private static HelmChartRepository standIns;
    private final KubernetesClient client = TestKubernetes.shared().client();
    private final TenantClusters tenants = new TenantClusters(client);

    /** The addons' chart source (kubernetes-service's default setting), as the platform would leave it. */
    @BeforeAll
    static void addonChartSource() throws URISyntaxException {
        standIns = HelmChartRepository.serve(
                Path.of(AddonsThroughFluxIT.class.getResource("/addon-charts").toURI()), 0);
        KubernetesClient client = TestKubernetes.shared().client();
        client.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(ADDON_SOURCE_NAMESPACE)
                        .endMetadata()
                        .build())
                .serverSideApply();
        client.resource(Upstream.object(
                        Flux.HelmRepository.class,
                        new ObjectMetaBuilder()
                                .withName(ADDON_SOURCE)
                                .withNamespace(ADDON_SOURCE_NAMESPACE)
                                .build(),
                        Map.of("interval", "1m", "url", standIns.url())))
                .serverSideApply();
    }

    @AfterAll
    static void stopServing() {
        if (standIns != null) {
            standIns.close();
        }
    }

    @Test
    void addonReleasesAreAcceptedByFluxAndWaitForTheTenantClustersKubeconfig() throws IOException {
        var tenant = tenants.newTenant(true);
        String ns = tenant.getStatus().namespace;
        // the least a user writes: the built-in addons only (cilium, coredns, metrics-server)
        Kubernetes kubernetes = Fixtures.kubernetes("minimal");
        kubernetes.setMetadata(
                new ObjectMetaBuilder().withName("addons").withNamespace(ns).build());
        client.resource(kubernetes).create();
        String cilium = "kubernetes-addons-cilium";
        String secret = "kubernetes-addons-admin-kubeconfig";

        // accepted by the API server (Flux's CRD) and by helm-controller, which reached the kubeconfig step
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
