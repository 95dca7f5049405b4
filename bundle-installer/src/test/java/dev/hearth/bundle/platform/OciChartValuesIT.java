package dev.hearth.bundle.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.hearth.bundle.Fixtures;
import dev.hearth.bundle.render.BundleLabels;
import dev.hearth.core.api.platform.Platform;
import dev.hearth.core.status.ReadyCondition;
import dev.hearth.core.testing.AuditLog;
import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.core.testing.TestKubernetes;
import dev.hearth.core.upstream.Flux;
import dev.hearth.core.upstream.GenericFields;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A component whose chart comes from a real OCI registry, one that serves even anonymous pulls only with a token
 * ({@link OciTestBundle}), has its values checked against the chart's {@code values.schema.json} there: values the schema refuses refuse the Platform before anything is written, values
 * it accepts are applied (seen in the HelmRelease: the bundle's OCI source is plain HTTP, which source-controller only
 * pulls with {@code insecure: true}, a field bundles do not have, so the release is not installed here). The test
 * resources of the other Platform tests, so that Quarkus need not restart between them.
 */
@QuarkusTest
@QuarkusTestResource(
        value = KubeApiServerTestResource.class,
        initArgs = {@ResourceArg(name = "flux", value = "true"), @ResourceArg(name = "upstreamCrds", value = "all")})
@QuarkusTestResource(FluxBundleResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OciChartValuesIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final KubernetesClient CLIENT = TestKubernetes.shared().client();

    @BeforeAll
    static void noOtherPlatform() {
        Fixtures.ensureInstallerNamespace(CLIENT);
        InstallerKilledIT.removeTheBundle();
    }

    @AfterAll
    static void removeIt() {
        CLIENT.resources(Platform.class).withName("hearth").delete();
        CLIENT.resources(Flux.HelmRelease.class)
                .inNamespace(BundleLabels.NAMESPACE)
                .withLabel(BundleLabels.BUNDLE, "oci-test")
                .delete();
        CLIENT.resources(Flux.HelmRepository.class)
                .inNamespace(BundleLabels.NAMESPACE)
                .withLabel(BundleLabels.BUNDLE, "oci-test")
                .delete();
        await().atMost(TIMEOUT).until(() -> get() == null && release() == null);
    }

    @Test
    @Order(1)
    void valuesTheSchemaOfAChartFromAnOciRegistryRefusesAreRefusedBeforeAnythingIsWritten() {
        int seen = AuditLog.read(TestKubernetes.shared().auditLog()).size();
        // extra-config's values.schema.json wants a string there
        apply(platform(new ObjectMapper().createObjectNode().put("setting", 42)));

        // a release written means the values were not checked: no need to wait for the timeout then
        await().atMost(TIMEOUT).until(() -> PlatformThroughFluxIT.readyAt(get(), "InvalidValues") || release() != null);
        assertThat(release()).isNull();
        assertThat(PlatformThroughFluxIT.readyAt(get(), "InvalidValues")).isTrue();
        assertThat(ReadyCondition.find(get().getStatus().conditions, ReadyCondition.TYPE)
                        .orElseThrow()
                        .getMessage())
                .contains("component oci-extra-config: values key setting: integer found, string expected"
                        + " (the chart's values.schema.json)");
        assertThat(PlatformThroughFluxIT.installerRequests(seen))
                .filteredOn(r -> Set.of("create", "update", "patch", "delete").contains(r.verb()))
                .extracting(AuditLog.Request::resource)
                .doesNotContain("helmreleases", "helmrepositories", "namespaces");
    }

    @Test
    @Order(2)
    void valuesTheSchemaAcceptsAreAppliedFromTheOciSource() {
        apply(platform(new ObjectMapper().createObjectNode().put("setting", "from-oci")));

        await().atMost(TIMEOUT).untilAsserted(() -> {
            Flux.HelmRelease release = release();
            assertThat(release).isNotNull();
            assertThat(GenericFields.string(release, "spec", "values", "setting"))
                    .contains("from-oci");
        });
        assertThat(CLIENT.resources(Flux.HelmRepository.class)
                        .inNamespace(BundleLabels.NAMESPACE)
                        .withLabel(BundleLabels.BUNDLE, "oci-test")
                        .list()
                        .getItems())
                .singleElement()
                .satisfies(source ->
                        assertThat(GenericFields.string(source, "spec", "type")).contains("oci"));
    }

    private static Platform platform(ObjectNode extraConfigValues) {
        return TestPlatforms.withValues("oci-test", "oci-extra-config", extraConfigValues);
    }

    private static Flux.HelmRelease release() {
        return CLIENT.resources(Flux.HelmRelease.class)
                .inNamespace(BundleLabels.NAMESPACE)
                .withName("oci-extra-config")
                .get();
    }

    private static void apply(Platform platform) {
        CLIENT.resource(platform).fieldManager("test-admin").forceConflicts().serverSideApply();
    }

    private static Platform get() {
        return CLIENT.resources(Platform.class).withName("hearth").get();
    }
}
