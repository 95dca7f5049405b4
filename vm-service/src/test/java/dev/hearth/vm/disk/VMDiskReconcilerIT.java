package dev.hearth.vm.disk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hearth.core.api.vm.VMDisk;
import dev.hearth.core.upstream.Cdi;
import dev.hearth.vm.Fixtures;
import dev.hearth.vm.OperatorFixture;
import dev.hearth.vm.OperatorIT;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.quarkus.test.junit.QuarkusTest;

/** The running operator against a real API server with the real CDI DataVolume CRD. */
@QuarkusTest
class VMDiskReconcilerIT extends OperatorIT {
    private static final Duration TIMEOUT = OperatorFixture.TIMEOUT;

    @Override
    protected String namespacePrefix() {
        return "vmdisk";
    }

    @Test
    void everySourceBecomesADataVolumeTheCdiSchemaKeepsWhole() {
        for (String source : new String[] {"image", "http", "upload", "disk", "blank"}) {
            VMDisk disk = create(Fixtures.documents("disk/" + source + ".yaml").get(0));

            GenericKubernetesResource dataVolume = awaitDataVolume(disk);

            VMDisk live = client.resource(disk).get();
            // nothing pruned: the live spec is exactly what the mapping produced
            assertThat(dataVolume.getAdditionalProperties().get("spec"))
                    .as(source)
                    .isEqualTo(DataVolumeFor.desired(live, "hearth-images", OperatorFixture.FIELD_MANAGER)
                            .getAdditionalProperties()
                            .get("spec"));
            assertThat(dataVolume.getMetadata().getOwnerReferences())
                    .singleElement()
                    .satisfies(owner -> assertThat(owner.getUid())
                            .isEqualTo(live.getMetadata().getUid()));
        }
    }

    @Test
    void mirrorsTheDataVolumeStatusAndGrowsTheDisk() {
        VMDisk disk = create("""
                apiVersion: apps.hearth.dev/v1alpha1
                kind: VMDisk
                metadata: {name: mirrored}
                spec:
                  source: {http: {url: "https://example.org/disk.qcow2"}}
                  size: 2Gi
                """);
        awaitDataVolume(disk);
        await().atMost(TIMEOUT)
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(ready(disk))
                        .satisfies(c -> assertThat(c.getStatus()).isEqualTo("False"))
                        .satisfies(c -> assertThat(c.getReason()).isEqualTo("WaitingForDataVolume")));

        setDataVolumeStatus(disk, Map.of("phase", "ImportInProgress", "progress", "45.20%"));
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
            VMDisk live = client.resource(disk).get();
            assertThat(live.getStatus().phase).isEqualTo("ImportInProgress");
            assertThat(live.getStatus().progress).isEqualTo("45.20%");
            assertThat(ready(disk).getMessage()).isEqualTo("DataVolume vm-disk-mirrored is ImportInProgress (45.20%)");
        });

        setDataVolumeStatus(disk, Map.of("phase", "Succeeded", "progress", "100.0%"));
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
            Condition ready = ready(disk);
            assertThat(ready.getStatus()).isEqualTo("True");
            assertThat(ready.getReason()).isEqualTo("Succeeded");
            assertThat(ready.getObservedGeneration())
                    .isEqualTo(client.resource(disk).get().getMetadata().getGeneration());
        });
        // every status write went out under the service's field manager, none under the SDK's default
        assertThat(client.resource(disk).get().getMetadata().getManagedFields())
                .filteredOn(entry -> "status".equals(entry.getSubresource()))
                .isNotEmpty()
                .allSatisfy(entry -> assertThat(entry.getManager()).isEqualTo(OperatorFixture.FIELD_MANAGER));

        cluster.edit(VMDisk.class, disk.getMetadata().getName(), d -> d.getSpec().size = new Quantity("4Gi"));
        await().atMost(TIMEOUT)
                .ignoreExceptions()
                .untilAsserted(
                        () -> assertThat(storageRequest(dataVolume(disk).get())).isEqualTo("4Gi"));
    }

    @Test
    void countsReconciliationsInTheMetrics() {
        VMDisk disk = create("""
                apiVersion: apps.hearth.dev/v1alpha1
                kind: VMDisk
                metadata: {name: counted}
                spec: {source: {blank: {}}, size: 1Gi}
                """);
        awaitDataVolume(disk);

        await().atMost(TIMEOUT)
                .untilAsserted(() -> given().get("/q/metrics")
                        .then()
                        .log()
                        .ifValidationFails()
                        .statusCode(200)
                        .body(containsString("operator_sdk_reconciliations_success_total")));
    }

    private VMDisk create(String yaml) {
        return cluster.create(yaml, VMDisk.class);
    }

    private Resource<GenericKubernetesResource> dataVolume(VMDisk disk) {
        return cluster.upstream(
                Cdi.DataVolume.class, DataVolumeFor.name(disk.getMetadata().getName()));
    }

    private GenericKubernetesResource awaitDataVolume(VMDisk disk) {
        return cluster.awaitExisting(dataVolume(disk));
    }

    private void setDataVolumeStatus(VMDisk disk, Map<String, Object> status) {
        cluster.setStatus(dataVolume(disk), status);
    }

    private Condition ready(VMDisk disk) {
        return cluster.ready(disk);
    }

    @SuppressWarnings("unchecked")
    private static Object storageRequest(GenericKubernetesResource dataVolume) {
        Map<String, Object> spec =
                (Map<String, Object>) dataVolume.getAdditionalProperties().get("spec");
        Map<String, Object> storage = (Map<String, Object>) spec.get("storage");
        return ((Map<String, Map<String, Object>>) storage.get("resources"))
                .get("requests")
                .get("storage");
    }
}
