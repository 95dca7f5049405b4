package dev.hearth.tenant;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.core.status.ReadyCondition;
import dev.hearth.core.testing.TestKubernetes;
import dev.hearth.core.testing.YamlFixtures;
import io.fabric8.kubernetes.client.KubernetesClient;

/** Test helpers: Tenants from YAML fixtures, applied as a user would, and waits on their status. */
public final class Tenants {
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Tenants() {}

    public static KubernetesClient client() {
        return TestKubernetes.shared().client();
    }

    /** The Tenant of {@code src/test/resources/fixtures/<path>}. */
    public static Tenant fixture(String path) {
        return YamlFixtures.read("fixtures/" + path, Tenant.class);
    }

    public static Tenant apply(Tenant tenant) {
        return client().resource(tenant)
                .fieldManager("test-user")
                .forceConflicts()
                .serverSideApply();
    }

    public static Tenant get(String namespace, String name) {
        return client().resources(Tenant.class)
                .inNamespace(namespace)
                .withName(name)
                .get();
    }

    /** Waits until the namespace the service creates on start exists. */
    public static void awaitRoot() {
        await().atMost(TIMEOUT)
                .until(() -> client().namespaces().withName("tenant-root").get() != null);
    }

    /** Applies the fixture and waits until the Tenant is Ready for its current generation. */
    public static Tenant applyReady(String fixture) {
        awaitRoot();
        Tenant applied = apply(fixture(fixture));
        return awaitReason(
                applied.getMetadata().getNamespace(), applied.getMetadata().getName(), "NamespaceReady");
    }

    /** Waits until the Tenant's Ready condition has {@code reason} for its current generation, and returns it. */
    public static Tenant awaitReason(String namespace, String name, String reason) {
        Tenant[] last = new Tenant[1];
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = get(namespace, name);
            return last[0] != null
                    && last[0].getStatus() != null
                    && last[0].getMetadata().getGeneration().equals(last[0].getStatus().observedGeneration)
                    && ReadyCondition.find(last[0].getStatus().conditions, ReadyCondition.TYPE)
                            .map(c -> reason.equals(c.getReason()))
                            .orElse(false);
        });
        return last[0];
    }

    /** The foo → bar tree with sibling baz, used by several test classes (idempotent). */
    public static void fooBarBaz() {
        applyReady("tree/foo.yaml");
        applyReady("tree/baz.yaml");
        applyReady("tree/bar.yaml");
    }
}
