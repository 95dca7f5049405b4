package dev.hearth.dashboard;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.core.tenant.AccessLevel;
import dev.hearth.core.testing.TestKeycloak;
import dev.hearth.core.testing.TestKubernetes;
import dev.hearth.core.testing.bench.ServiceProcess;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;

/**
 * The tenants foo, its child bar and foo's sibling baz, made by the real tenant-service (its built
 * {@code quarkus-run.jar} as its own process, group prefix {@code oidc:}), so the RoleBindings and aggregated
 * ClusterRoles are exactly tenant-service's; quotas foo {cpu 4, services 5} (one Service used), bar {1, 2},
 * baz {2, 3}; and Keycloak users holding each level, once per test JVM.
 */
public final class RealTenants {
    public static final String FOO = "tenant-foo";
    public static final String BAR = "tenant-foo-bar";
    public static final String BAZ = "tenant-baz";
    public static final String PASSWORD = "s3cret-pw";
    /** The API server URL the tenant kubeconfigs name. */
    public static final String KUBECONFIG_SERVER = "https://api.hearth.example.org:6443";
    /** The issuer they name: tenant-service takes only https, which the test Keycloak is not. */
    public static final String KUBECONFIG_ISSUER = "https://login.hearth.example.org/realms/hearth";

    /** Username → the Keycloak groups it is put in. */
    public static final Map<String, List<String>> USERS = Map.of(
            "foo-viewer", List.of("tenant-foo-view"),
            "foo-user", List.of("tenant-foo-use"),
            "foo-admin", List.of("tenant-foo-admin"),
            "foo-super", List.of("tenant-foo-super-admin"),
            "bar-admin", List.of("tenant-foo-bar-admin"),
            "baz-viewer", List.of("tenant-baz-view"),
            "mixed", List.of("tenant-foo-view", "tenant-foo-bar-super-admin"),
            "nobody", List.of());

    private static ServiceProcess tenantService;
    private static boolean made;
    private static Exception failed;

    private RealTenants() {}

    /** Makes the tenants and users on first call; a later call gets the first one's failure, if any. */
    public static synchronized void ensure() throws Exception {
        if (failed != null) {
            throw new IllegalStateException("making the tenants failed before", failed);
        }
        if (made) {
            return;
        }
        try {
            make();
            made = true;
        } catch (Exception e) {
            failed = e;
            throw e;
        }
    }

    private static void make() throws Exception {
        TestKubernetes kubernetes = TestKubernetes.shared().withHearthCrds().withControllerManager();
        Path jar = Path.of("../tenant-service/target/quarkus-app/quarkus-run.jar")
                .toAbsolutePath()
                .normalize();
        if (!Files.exists(jar)) {
            throw new IllegalStateException("No " + jar + ": build tenant-service in the same run"
                    + " (./mvnw verify -pl platform-core,tenant-service,dashboard-backend ...)");
        }
        tenantService = ServiceProcess.start(
                jar,
                kubernetes,
                List.of(
                        "hearth.tenant.group-prefix=oidc:",
                        "quarkus.log.level=WARN",
                        // each tenant gets its kubeconfig Secret (ExposedIT)
                        "hearth.tenant.kubeconfig.server=" + KUBECONFIG_SERVER,
                        "hearth.tenant.kubeconfig.oidc-issuer-url=" + KUBECONFIG_ISSUER,
                        "hearth.tenant.kubeconfig.oidc-client-id=" + TestKeycloak.KUBERNETES_CLIENT));
        Runtime.getRuntime().addShutdownHook(new Thread(tenantService::close));
        tenantService.awaitReady(Duration.ofMinutes(3));

        // tenant-root comes from RootTenant on start, maybe after readiness
        await().atMost(Duration.ofMinutes(1))
                .until(() ->
                        kubernetes.client().namespaces().withName("tenant-root").get() != null);
        create(kubernetes, "tenant-root", "foo", Map.of("cpu", "4", "services", "5"));
        create(kubernetes, "tenant-root", "baz", Map.of("cpu", "2", "services", "3"));
        await().atMost(Duration.ofMinutes(2))
                .until(() -> kubernetes.client().namespaces().withName(FOO).get() != null);
        create(kubernetes, FOO, "bar", Map.of("cpu", "1", "services", "2"));
        // one Service in foo, so its quota shows a usage
        kubernetes
                .client()
                .services()
                .inNamespace(FOO)
                .resource(new ServiceBuilder()
                        .withNewMetadata()
                        .withName("web")
                        .endMetadata()
                        .withNewSpec()
                        .addNewPort()
                        .withPort(80)
                        .endPort()
                        .endSpec()
                        .build())
                .create();
        for (String namespace : List.of(FOO, BAR, BAZ)) {
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> kubernetes
                                    .client()
                                    .rbac()
                                    .roleBindings()
                                    .inNamespace(namespace)
                                    .withName(AccessLevel.SUPER_ADMIN.clusterRoleName())
                                    .get()
                            != null);
        }
        // the clusterrole-aggregation controller fills the level roles from the :own roles
        for (AccessLevel level : AccessLevel.values()) {
            await().atMost(Duration.ofMinutes(1)).until(() -> {
                ClusterRole role = kubernetes
                        .client()
                        .rbac()
                        .clusterRoles()
                        .withName(level.clusterRoleName())
                        .get();
                return role != null
                        && role.getRules() != null
                        && !role.getRules().isEmpty();
            });
        }

        TestKeycloak keycloak = TestKeycloak.shared();
        USERS.forEach((user, groups) -> keycloak.createUser(user, PASSWORD, groups.toArray(String[]::new)));
    }

    /** A real access token of {@code user} from the dashboard client. */
    public static String token(String user) {
        return TestKeycloak.shared().accessToken(TestKeycloak.DASHBOARD_CLIENT, user, PASSWORD);
    }

    private static void create(TestKubernetes kubernetes, String namespace, String name, Map<String, String> quota) {
        Tenant tenant = new Tenant();
        quota.forEach((key, value) -> tenant.getSpec().resourceQuotas.put(key, new Quantity(value)));
        tenant.getMetadata().setName(name);
        tenant.getMetadata().setNamespace(namespace);
        kubernetes.client().resource(tenant).create();
    }
}
