package dev.hearth.catalog.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.hearth.catalog.definition.BuiltInDefinitions;
import dev.hearth.catalog.instance.InstanceStatusFrom;
import dev.hearth.core.Annotations;
import dev.hearth.core.api.ApiGroups;
import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.core.testing.TestKubernetes;
import dev.hearth.core.testing.bench.ServiceProcess;
import dev.hearth.core.upstream.ClusterApi;
import dev.hearth.core.upstream.Flux;
import dev.hearth.core.upstream.FluxReady;
import dev.hearth.core.upstream.GenericFields;
import dev.hearth.core.upstream.Kamaji;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A tenant's modules through real Flux, with every service that takes part running: apps-catalog here, tenant-service
 * and kubernetes-service as their own processes (their built jars: one JVM hosts one Quarkus app), real
 * source-controller and helm-controller (as each namespace's {@code hearth-releases}, as in production) and the
 * upstream CRDs. A tenant with etcd and ingress gets its module instances from tenant-service, their HelmReleases from
 * apps-catalog, installed by helm-controller; a child tenant's Kubernetes cluster (kubernetes-service) stores its
 * state in the parent's DataStore and is reached through the parent's ingress class, and a child's app is given the
 * inherited services. No kubelet runs: the checks are on objects.
 */
@QuarkusTest
@QuarkusTestResource(ProductionFlux.class)
@QuarkusTestResource(AppChartsServed.class)
class TenantModulesThroughFluxIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String PARENT = "tenant-mods";
    private static final String CHILD = "tenant-mods-kid";

    private static KubernetesClient client;
    private static ServiceProcess tenantService;
    private static ServiceProcess kubernetesService;

    @BeforeAll
    static void otherServices() throws IOException, InterruptedException {
        client = TestKubernetes.shared().client();
        TestKubernetes kubernetes = TestKubernetes.shared();
        tenantService = ServiceProcess.start(ServiceProcess.builtJar("tenant-service"), kubernetes, List.of());
        kubernetesService = ServiceProcess.start(ServiceProcess.builtJar("kubernetes-service"), kubernetes, List.of());
        tenantService.awaitReady(Duration.ofMinutes(1));
        kubernetesService.awaitReady(Duration.ofMinutes(1));
    }

    @AfterAll
    static void stopOtherServices() {
        if (kubernetesService != null) {
            kubernetesService.close();
        }
        if (tenantService != null) {
            tenantService.close();
        }
    }

    @Test
    void aTenantsModulesAreInstalledByFluxAndItsChildrenUseThem() {
        await("HelmRepository " + BuiltInDefinitions.CHART_REPOSITORY + " fetched")
                .atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> FluxReady.of(client.resources(Flux.HelmRepository.class)
                                .inNamespace(BuiltInDefinitions.CHART_REPOSITORY_NAMESPACE)
                                .withName(BuiltInDefinitions.CHART_REPOSITORY)
                                .get())
                        .isTrue());
        client.resource(tenant("tenant-root", "mods", true)).create();

        // tenant-service writes the module instances, apps-catalog their releases, helm-controller installs them
        GenericKubernetesResource etcdRelease = awaitRelease(PARENT, "etcd-etcd", FluxReady::isTrue);
        GenericKubernetesResource ingressRelease = awaitRelease(PARENT, "ingress-ingress", FluxReady::isTrue);
        assertThat(FluxReady.of(etcdRelease).reason()).isEqualTo("InstallSucceeded");
        assertThat(FluxReady.of(ingressRelease).reason()).isEqualTo("InstallSucceeded");
        for (String release : List.of("etcd-etcd", "ingress-ingress")) {
            assertThat(client.secrets()
                            .inNamespace(PARENT)
                            .withName("sh.helm.release.v1." + release + ".v1")
                            .get())
                    .as("Helm's record of " + release)
                    .isNotNull();
        }
        // what the etcd chart rendered: the etcd-operator's EtcdCluster and the cert-manager chain of its TLS
        assertThat(object(PARENT, "etcd-operator.cozystack.io/v1alpha2", "EtcdCluster", "etcd-etcd"))
                .isNotNull();
        assertThat(client.genericKubernetesResources("cert-manager.io/v1", "Certificate")
                        .inNamespace(PARENT)
                        .list()
                        .getItems())
                .extracting(c -> GenericFields.string(c, "spec", "secretName").orElse(""))
                .contains("etcd-etcd-ca-tls", "etcd-etcd-client-tls");
        // and the ingress chart its nested release of ingress-nginx, installed by Helm as part of ingress-ingress
        GenericKubernetesResource nested = client.resources(Flux.HelmRelease.class)
                .inNamespace(PARENT)
                .withName("ingress-ingress-system")
                .get();
        assertThat(nested).isNotNull();
        assertThat(nested.getMetadata().getAnnotations()).containsEntry("meta.helm.sh/release-name", "ingress-ingress");

        // the module instances' status, as docs/apps-catalog.md promises: Etcd Ready with Flux's reason, Ingress not
        // Ready while ingress-nginx cannot be fetched here, naming that release
        assertThat(awaitInstance(PARENT, "Etcd", "etcds", "etcd", c -> "True".equals(c.get("status"))))
                .containsEntry("reason", "InstallSucceeded");
        Map<String, Object> ingress =
                awaitInstance(PARENT, "Ingress", "ingresses", "ingress", c -> "False".equals(c.get("status")));
        assertThat(ingress).containsEntry("reason", InstanceStatusFrom.NESTED_NOT_READY);
        assertThat((String) ingress.get("message")).contains("HelmRelease ingress-ingress-system is not Ready (");

        // tenant-service's word on the modules: applied (it does not mirror the instances' own readiness)
        Tenant mods = client.resources(Tenant.class)
                .inNamespace("tenant-root")
                .withName("mods")
                .get();
        assertThat(mods.getStatus().conditions)
                .filteredOn(c -> "ModulesReady".equals(c.getType()))
                .extracting(c -> c.getStatus() + " " + c.getReason())
                .containsExactly("True ModulesApplied");

        // tenant-service's DataStore of the parent's etcd, at the etcd module's Service
        Kamaji.DataStore dataStore = await("DataStore " + PARENT)
                .atMost(TIMEOUT)
                .until(
                        () -> client.resources(Kamaji.DataStore.class)
                                .withName(PARENT)
                                .get(),
                        d -> d != null);
        assertThat(GenericFields.at(dataStore, "spec", "endpoints").orElseThrow())
                .isEqualTo(List.of("etcd-etcd." + PARENT + ".svc:2379"));

        // a child without modules inherits both: its namespace says so, and what runs in it uses them
        client.resource(tenant(PARENT, "kid", false)).create();
        await("the child's namespace names the inherited services")
                .atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    var ns = client.namespaces().withName(CHILD).get();
                    return ns != null
                            && ns.getMetadata().getAnnotations() != null
                            && PARENT.equals(ns.getMetadata().getAnnotations().get(Annotations.TENANT_ETCD))
                            && PARENT.equals(ns.getMetadata().getAnnotations().get(Annotations.TENANT_INGRESS));
                });

        // the defaults: one node group, the built-in addons
        client.resource(withDefaults("Kubernetes", CHILD, "k")).create();
        GenericKubernetesResource controlPlane = await("the child's KamajiControlPlane")
                .atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> client.resources(ClusterApi.KamajiControlPlane.class)
                                .inNamespace(CHILD)
                                .withName("kubernetes-k")
                                .get(),
                        c -> c != null);
        assertThat(GenericFields.string(controlPlane, "spec", "dataStoreName"))
                .as("the parent's DataStore")
                .contains(PARENT);
        assertThat(GenericFields.string(controlPlane, "spec", "network", "ingress", "className"))
                .as("the parent's ingress class (the ingress chart names it after its namespace)")
                .contains(PARENT);
        assertThat(GenericFields.string(
                        client.resources(Flux.HelmRelease.class)
                                .inNamespace(PARENT)
                                .withName("ingress-ingress-system")
                                .get(),
                        "spec",
                        "values",
                        "controller",
                        "ingressClassResource",
                        "name"))
                .contains(PARENT);

        // a child's app: its release is given the inherited services and installed
        client.resource(withDefaults("Postgres", CHILD, "db")).create();
        GenericKubernetesResource db = awaitRelease(CHILD, "postgres-db", FluxReady::isTrue);
        assertThat(GenericFields.at(db, "spec", "values", "_namespace").orElseThrow())
                .isEqualTo(Map.of("etcd", PARENT, "ingress", PARENT, "host", "kid.mods.example.org"));
    }

    /** An {@code apps.hearth.dev} object of {@code kind} with an empty spec: its schema's defaults apply. */
    private static GenericKubernetesResource withDefaults(String kind, String namespace, String name) {
        return new GenericKubernetesResourceBuilder()
                .withApiVersion(ApiGroups.APPS + "/" + ApiGroups.VERSION)
                .withKind(kind)
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .endMetadata()
                .addToAdditionalProperties("spec", Map.of())
                .build();
    }

    private static Tenant tenant(String namespace, String name, boolean modules) {
        Tenant tenant = new Tenant();
        tenant.setMetadata(
                new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        if (modules) {
            tenant.getSpec().etcd = true;
            tenant.getSpec().ingress = true;
        }
        return tenant;
    }

    private static GenericKubernetesResource awaitRelease(String namespace, String name, Predicate<FluxReady> until) {
        return awaitOrExplain(
                "HelmRelease " + namespace + "/" + name,
                () -> client.resources(Flux.HelmRelease.class)
                        .inNamespace(namespace)
                        .withName(name)
                        .get(),
                r -> r != null && until.test(FluxReady.of(r)),
                () -> diagnosis(namespace, name));
    }

    /** Waits until {@code until} holds for what {@code read} returns; on a timeout, fails with {@code explanation}. */
    private static <T> T awaitOrExplain(
            String what, Callable<T> read, Predicate<T> until, Supplier<String> explanation) {
        try {
            return await(what)
                    .atMost(TIMEOUT)
                    .pollInterval(Duration.ofMillis(500))
                    .until(read, until::test);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(explanation.get(), e);
        }
    }

    /** The instance's Ready condition once it describes the instance's current generation and passes {@code until}. */
    private static Map<String, Object> awaitInstance(
            String namespace, String kind, String plural, String name, Predicate<Map<String, Object>> until) {
        var instances = client.genericKubernetesResources(new ResourceDefinitionContext.Builder()
                        .withGroup(ApiGroups.APPS)
                        .withVersion(ApiGroups.VERSION)
                        .withKind(kind)
                        .withPlural(plural)
                        .withNamespaced(true)
                        .build())
                .inNamespace(namespace);
        return awaitOrExplain(
                kind + " " + namespace + "/" + name,
                () -> {
                    GenericKubernetesResource instance =
                            instances.withName(name).get();
                    return instance == null
                            ? Map.<String, Object>of()
                            : GenericFields.list(instance, "status", "conditions").stream()
                                    .filter(c -> "Ready".equals(c.get("type")))
                                    .findFirst()
                                    .orElse(Map.of());
                },
                c -> !c.isEmpty() && until.test(c),
                () -> client.getKubernetesSerialization()
                        .asYaml(instances.withName(name).get()));
    }

    private static GenericKubernetesResource object(String namespace, String apiVersion, String kind, String name) {
        return client.genericKubernetesResources(apiVersion, kind)
                .inNamespace(namespace)
                .withName(name)
                .get();
    }

    private static String diagnosis(String namespace, String release) {
        List<? extends HasMetadata> tenants =
                client.resources(Tenant.class).inAnyNamespace().list().getItems();
        return "HelmRelease: "
                + client.getKubernetesSerialization()
                        .asYaml(client.resources(Flux.HelmRelease.class)
                                .inNamespace(namespace)
                                .withName(release)
                                .get())
                + "\nTenants: " + client.getKubernetesSerialization().asYaml(tenants)
                + "\ntenant-service log: " + tenantService.log() + "\nkubernetes-service log: "
                + kubernetesService.log() + "\n"
                + TestKubernetes.shared().flux().logTails();
    }
}
