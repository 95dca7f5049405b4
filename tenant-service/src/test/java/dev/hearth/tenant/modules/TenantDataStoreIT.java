package dev.hearth.tenant.modules;

import static dev.hearth.tenant.Tenants.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.core.upstream.Kamaji;
import dev.hearth.tenant.Tenants;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * tenant-service, not the etcd chart, writes the Kamaji DataStore of a tenant that runs etcd itself (the release
 * account may not create cluster-scoped objects): named after the namespace, owned by it, pointing at the etcd
 * module's release; gone when the tenant stops running etcd; none for a tenant that inherits etcd. Against Kamaji's
 * real CRDs.
 */
@QuarkusTest
@QuarkusTestResource(
        value = KubeApiServerTestResource.class,
        initArgs = @ResourceArg(name = "upstreamCrds", value = "kamaji.clastix.io"))
class TenantDataStoreIT {

    @Test
    void aTenantRunningEtcdGetsItsDataStoreUntilItStops() {
        Tenants.awaitRoot();
        Tenant tenant = new Tenant();
        tenant.setMetadata(new ObjectMetaBuilder()
                .withName("stored")
                .withNamespace("tenant-root")
                .build());
        tenant.getSpec().etcd = true;
        Tenants.apply(tenant);

        await().atMost(Tenants.TIMEOUT).untilAsserted(() -> {
            Kamaji.DataStore store = dataStore("tenant-stored");
            assertThat(store).isNotNull();
            String uid = client().namespaces()
                    .withName("tenant-stored")
                    .get()
                    .getMetadata()
                    .getUid();
            assertThat(store.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> {
                assertThat(owner.getKind()).isEqualTo("Namespace");
                assertThat(owner.getName()).isEqualTo("tenant-stored");
                assertThat(owner.getUid()).isEqualTo(uid);
            });
            assertThat(store.getMetadata().getLabels()).contains(entry("hearth.dev/tenant", "tenant-stored"));
            Map<String, Object> spec = spec(store);
            assertThat(spec).containsEntry("driver", "etcd");
            assertThat(spec.get("endpoints")).isEqualTo(List.of("etcd-etcd.tenant-stored.svc:2379"));
            assertThat(secretReference(spec, "certificateAuthority", "certificate"))
                    .containsOnly(
                            entry("name", "etcd-etcd-ca-tls"),
                            entry("namespace", "tenant-stored"),
                            entry("keyPath", "tls.crt"));
            assertThat(secretReference(spec, "certificateAuthority", "privateKey"))
                    .containsEntry("name", "etcd-etcd-ca-tls")
                    .containsEntry("keyPath", "tls.key");
            assertThat(secretReference(spec, "clientCertificate", "certificate"))
                    .containsEntry("name", "etcd-etcd-client-tls")
                    .containsEntry("namespace", "tenant-stored")
                    .containsEntry("keyPath", "tls.crt");
            assertThat(secretReference(spec, "clientCertificate", "privateKey"))
                    .containsEntry("name", "etcd-etcd-client-tls")
                    .containsEntry("keyPath", "tls.key");
        });

        tenant.getSpec().etcd = false;
        Tenants.apply(tenant);

        await().atMost(Tenants.TIMEOUT).until(() -> dataStore("tenant-stored") == null);
    }

    @Test
    void aTenantInheritingEtcdHasNone() {
        Tenants.awaitRoot();
        Tenant tenant = new Tenant();
        tenant.setMetadata(new ObjectMetaBuilder()
                .withName("inheriting")
                .withNamespace("tenant-root")
                .build());
        Tenants.apply(tenant);

        Tenants.awaitReason("tenant-root", "inheriting", "NamespaceReady");
        // tenant-root runs etcd in the tests: its DataStore is there, the child's is not
        await().atMost(Tenants.TIMEOUT).until(() -> dataStore("tenant-root") != null);
        assertThat(dataStore("tenant-inheriting")).isNull();
    }

    private static Kamaji.DataStore dataStore(String name) {
        return client().resources(Kamaji.DataStore.class).withName(name).get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(Kamaji.DataStore store) {
        return (Map<String, Object>) store.getAdditionalProperties().get("spec");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> secretReference(Map<String, Object> spec, String pair, String part) {
        var tls = (Map<String, Object>) spec.get("tlsConfig");
        var keyPair = (Map<String, Object>) tls.get(pair);
        return (Map<String, Object>) ((Map<String, Object>) keyPair.get(part)).get("secretReference");
    }
}
