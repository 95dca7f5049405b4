package dev.hearth.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** The platform chart as {@code helm template} renders it: what every install gets, and the values it refuses. */
class PlatformChartTest {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Map<String, String> WITH_DASHBOARD = Map.of(
            "global.oidc.issuerUrl", "https://keycloak.example.org/realms/hearth", "dashboardBackend.enabled", "true");

    @Test
    void everyServiceRunsRestrictedWithMeaningfulProbesAndItsOwnServiceAccount() {
        List<Deployment> deployments = of(PlatformChart.render(WITH_DASHBOARD), "Deployment", Deployment.class);
        assertThat(deployments)
                .extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrder(
                        "tenant-service",
                        "kubernetes-service",
                        "vm-service",
                        "apps-catalog",
                        "bundle-installer",
                        "dashboard-backend");
        for (Deployment deployment : deployments) {
            var pod = deployment.getSpec().getTemplate().getSpec();
            var container = pod.getContainers().get(0);
            String name = deployment.getMetadata().getName();
            assertThat(pod.getServiceAccountName()).isEqualTo(name);
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation())
                    .isFalse();
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem())
                    .isTrue();
            assertThat(container.getSecurityContext().getCapabilities().getDrop())
                    .containsExactly("ALL");
            assertThat(container.getVolumeMounts())
                    .anyMatch(m -> m.getMountPath().equals("/tmp"));
            assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/started");
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
            assertThat(container.getImage()).isEqualTo("ghcr.io/hearth-dev/" + name + ":0.1.0");
            assertThat(container.getEnv())
                    .anyMatch(e -> e.getName().equals("JAVA_TOOL_OPTIONS")
                            && e.getValue().contains("-XX:+UseSerialGC"));
        }
    }

    @Test
    void noRuleGrantsEverythingAndNoServiceIsClusterAdmin() {
        var objects = PlatformChart.render(WITH_DASHBOARD);
        for (ClusterRole role : of(objects, "ClusterRole", ClusterRole.class)) {
            for (var rule : role.getRules()) {
                assertThat(rule.getVerbs()).as(role.getMetadata().getName()).doesNotContain("*");
                assertThat(rule.getResources()).as(role.getMetadata().getName()).doesNotContain("*");
                assertThat(rule.getApiGroups()).as(role.getMetadata().getName()).doesNotContain("*");
            }
        }
        assertThat(of(objects, "ClusterRoleBinding", ClusterRoleBinding.class))
                .allSatisfy(b -> assertThat(b.getRoleRef().getName()).startsWith("hearth:"));
    }

    @Test
    void disruptionBudgetsOnlyForMoreThanOneReplica() {
        assertThat(kinds(PlatformChart.render(Map.of()))).doesNotContain("PodDisruptionBudget");
        var ha = PlatformChart.render(Map.of("tenantService.replicas", "2"));
        assertThat(ha)
                .filteredOn(o -> o.getKind().equals("PodDisruptionBudget"))
                .extracting(o -> o.getMetadata().getName())
                .containsExactly("tenant-service");
    }

    @Test
    void serviceMonitorsOnlyWhereTheMonitoringApiIsServed() {
        // helm template knows no monitoring.coreos.com: nothing rendered (NOTES says so); FluxPlatformChartIT installs
        // onto an API server that serves it
        assertThat(kinds(PlatformChart.render(Map.of("metrics.serviceMonitor", "true"))))
                .doesNotContain("ServiceMonitor");
    }

    @Test
    void theDashboardNeedsAnIssuerAndItsIngressAHost() {
        assertThat(kinds(PlatformChart.render(Map.of()))).doesNotContain("Ingress");
        assertThatThrownBy(() -> PlatformChart.render(Map.of("dashboardBackend.enabled", "true")))
                .hasMessageContaining("dashboardBackend.enabled needs global.oidc.issuerUrl");
        assertThatThrownBy(() -> PlatformChart.render(Map.of(
                        "global.oidc.issuerUrl", "https://k.example.org/realms/hearth",
                        "dashboardBackend.enabled", "true",
                        "dashboardBackend.ingress.enabled", "true")))
                .hasMessageContaining("dashboardBackend.ingress.host");
    }

    @Test
    void tenantServiceReachesKeycloakOnlyWhenItManagesGroups() {
        assertThat(names(PlatformChart.render(Map.of()))).doesNotContain("hearth-tenant-service-keycloak");

        List<GenericKubernetesResource> objects =
                PlatformChart.render(Map.of("tenantService.keycloak.url", "https://login.example.org"));
        assertThat(names(objects)).contains("hearth-tenant-service-keycloak");
        var env = of(objects, "Deployment", Deployment.class).stream()
                .filter(d -> d.getMetadata().getName().endsWith("tenant-service"))
                .findFirst()
                .orElseThrow()
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getEnv();
        assertThat(env)
                .anySatisfy(e -> {
                    assertThat(e.getName()).isEqualTo("HEARTH_TENANT_KEYCLOAK_URL");
                    assertThat(e.getValue()).isEqualTo("https://login.example.org");
                })
                .anySatisfy(e -> {
                    assertThat(e.getName()).isEqualTo("HEARTH_TENANT_KEYCLOAK_CLIENT_SECRET");
                    assertThat(e.getValueFrom().getSecretKeyRef().getName())
                            .isEqualTo("hearth-tenant-service-keycloak");
                });
        assertThatThrownBy(() -> PlatformChart.render(Map.of("tenantService.keycloak.url", "login.example.org")))
                .hasMessageContaining("tenantService.keycloak.url");
    }

    @Test
    void eachServiceRunsWithItsJvmOptionsOfDeployServiceJvmOptions() {
        List<Deployment> deployments = of(
                PlatformChart.render(Map.of(
                        "global.oidc.issuerUrl", "https://login.example.org/realms/hearth",
                        "dashboardBackend.enabled", "true")),
                "Deployment",
                Deployment.class);
        assertThat(deployments).hasSize(6);
        for (Deployment deployment : deployments) {
            String env = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                    .filter(e -> e.getName().equals("JAVA_TOOL_OPTIONS"))
                    .findFirst()
                    .orElseThrow()
                    .getValue();
            assertThat(env)
                    .as(deployment.getMetadata().getName())
                    .isEqualTo(String.join(
                            " ", ServiceJvmOptions.of(deployment.getMetadata().getName())));
        }
        assertThat(ServiceJvmOptions.of("dashboard-backend")).isNotEqualTo(ServiceJvmOptions.everyService());
    }

    @Test
    void scriptsReadTheSameJvmOptionsAsTheChart() throws Exception {
        Path root = TestPaths.serviceJvmOptions().getParent().getParent();
        for (String service : List.of("tenant-service", "apps-catalog", "dashboard-backend")) {
            Process script = new ProcessBuilder("bash", "scripts/jvm-options.sh", service)
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .start();
            String printed = new String(script.getInputStream().readAllBytes()).strip();
            assertThat(script.waitFor()).as(printed).isZero();
            assertThat(printed).as(service).isEqualTo(String.join(" ", ServiceJvmOptions.of(service)));
        }
    }

    @Test
    void invalidValuesAreRefusedByTheSchemaNamingTheKey() {
        assertThatThrownBy(() -> PlatformChart.render(Map.of("tenantService.replicas", "-1")))
                .hasMessageContaining("tenantService.replicas");
        assertThatThrownBy(() -> PlatformChart.render(Map.of("tenantServce.replicas", "1")))
                .hasMessageContaining("tenantServce");
        assertThatThrownBy(() -> PlatformChart.render(Map.of("global.oidc.usernamePrefix", "system:")))
                .hasMessageContaining("usernamePrefix");
        assertThatThrownBy(() -> PlatformChart.render(Map.of("global.image.pullPolicy", "Sometimes")))
                .hasMessageContaining("pullPolicy");
    }

    private static List<String> names(List<GenericKubernetesResource> objects) {
        return objects.stream().map(o -> o.getMetadata().getName()).toList();
    }

    private static List<String> kinds(List<GenericKubernetesResource> objects) {
        return objects.stream().map(GenericKubernetesResource::getKind).toList();
    }

    private static <T> List<T> of(List<GenericKubernetesResource> objects, String kind, Class<T> type) {
        return objects.stream()
                .filter(o -> o.getKind().equals(kind))
                .map(o -> SERIALIZATION.convertValue(o, type))
                .toList();
    }
}
