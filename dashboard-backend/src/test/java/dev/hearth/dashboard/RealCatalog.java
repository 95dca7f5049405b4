package dev.hearth.dashboard;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import dev.hearth.core.testing.TestKubernetes;
import dev.hearth.core.testing.bench.ServiceProcess;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * The real apps-catalog (its built {@code quarkus-run.jar} as its own process, group prefix {@code oidc:} like
 * {@link RealTenants}), once per test JVM: it installs the built-in ApplicationDefinitions, serves each kind's CRD,
 * and gives each app's credentials Role to the tenant's {@code use} level and above. No Flux runs: its HelmReleases
 * stay unreconciled.
 */
public final class RealCatalog {
    private static ServiceProcess appsCatalog;

    private RealCatalog() {}

    public static synchronized void ensure() throws Exception {
        if (appsCatalog != null) {
            return;
        }
        RealTenants.ensure();
        TestKubernetes kubernetes =
                TestKubernetes.shared().withUpstreamCrds("helm.toolkit.fluxcd.io", "source.toolkit.fluxcd.io");
        appsCatalog = ServiceProcess.start(
                ServiceProcess.builtJar("apps-catalog"),
                kubernetes,
                List.of("hearth.tenant.group-prefix=oidc:", "quarkus.log.level=WARN"));
        Runtime.getRuntime().addShutdownHook(new Thread(appsCatalog::close));
        appsCatalog.awaitReady(Duration.ofMinutes(3));
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    GenericKubernetesResource postgres = kubernetes
                            .client()
                            .genericKubernetesResources("platform.hearth.dev/v1alpha1", "ApplicationDefinition")
                            .withName("postgres")
                            .get();
                    return postgres != null
                            && String.valueOf(postgres.getAdditionalProperties().get("status"))
                                    .contains("Serving");
                });
    }
}
