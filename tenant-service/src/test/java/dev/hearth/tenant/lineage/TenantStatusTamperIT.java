package dev.hearth.tenant.lineage;

import static dev.hearth.tenant.Tenants.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.hearth.core.Annotations;
import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.tenant.Tenants;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A Tenant status someone else wrote is put back: consumers once trusted {@code status.services}, and a tenant user
 * able to write it could have wired his cluster to a sibling's etcd.
 */
@QuarkusTest
@QuarkusTestResource(KubeApiServerTestResource.class)
class TenantStatusTamperIT {

    @BeforeAll
    static void tree() {
        Tenants.fooBarBaz();
        Tenants.applyReady("tamper/plain.yaml");
    }

    @Test
    void aForgedInheritedEtcdIsRestoredAndNothingLoops() {
        // plain inherits foo's etcd; the forgery points it to the namespace of its sibling bar
        assertThat(Tenants.get("tenant-foo", "plain").getStatus().services.etcd).isEqualTo("tenant-foo");
        // the tree has settled: no reconcile of its own would repair the forgery by chance
        awaitStill("plain", Duration.ofSeconds(3));

        Tenant forged = client().resources(Tenant.class)
                .inNamespace("tenant-foo")
                .withName("plain")
                .subresource("status")
                .patch(
                        new PatchContext.Builder()
                                .withPatchType(PatchType.JSON_MERGE)
                                .withFieldManager("tamper")
                                .build(),
                        "{\"status\":{\"services\":{\"etcd\":\"tenant-foo-bar\"}}}");
        assertThat(forged.getStatus().services.etcd).isEqualTo("tenant-foo-bar");

        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(
                        () -> assertThat(Tenants.get("tenant-foo", "plain").getStatus().services.etcd)
                                .isEqualTo("tenant-foo"));

        // the repair is the last write: the service's own status update triggers no further one
        awaitStill("plain", Duration.ofSeconds(5));
    }

    @Test
    void theNamespaceCarriesWhatTheTenantInherits() {
        // consumers read these (tenant users cannot write Namespaces), not the Tenant status
        assertThat(client().namespaces()
                        .withName("tenant-foo-plain")
                        .get()
                        .getMetadata()
                        .getAnnotations())
                .containsEntry(Annotations.TENANT_ETCD, "tenant-foo")
                .containsEntry(Annotations.TENANT_INGRESS, "tenant-foo")
                .containsEntry(Annotations.TENANT_MONITORING, "tenant-root")
                .doesNotContainKey(Annotations.TENANT_SEAWEEDFS)
                .containsEntry(
                        Annotations.TENANT_HOST,
                        Tenants.get("tenant-foo", "plain").getStatus().host);
    }

    /** Waits until the Tenant's resourceVersion has not moved for {@code quiet}. */
    private static void awaitStill(String name, Duration quiet) {
        String[] seen = {""};
        long[] since = {System.nanoTime()};
        await().atMost(Tenants.TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
            String now = Tenants.get("tenant-foo", name).getMetadata().getResourceVersion();
            if (!now.equals(seen[0])) {
                seen[0] = now;
                since[0] = System.nanoTime();
            }
            return System.nanoTime() - since[0] >= quiet.toNanos();
        });
    }
}
