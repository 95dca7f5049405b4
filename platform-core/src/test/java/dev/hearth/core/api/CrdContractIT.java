package dev.hearth.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.hearth.core.testing.Refusals;
import dev.hearth.core.testing.TestKubernetes;
import dev.hearth.core.testing.TestPaths;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FieldValidateable.Validation;

/**
 * The CRDs' contract, checked by a real API server: the documented examples are accepted, and each kind of bad
 * input is refused with a message that says what to fix.
 */
class CrdContractIT {
    private static KubernetesClient client;
    private static String namespace;

    @BeforeAll
    static void installCrds() {
        TestKubernetes kubernetes = TestKubernetes.shared().withHearthCrds();
        client = kubernetes.client();
        namespace = kubernetes.newNamespace("crd-contract");
    }

    static Stream<Path> examples() throws IOException {
        return Files.list(TestPaths.examples())
                .filter(p -> p.toString().endsWith(".yaml"))
                .sorted();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void acceptsEveryDocumentedExample(Path example) throws IOException {
        GenericKubernetesResource resource = read(Files.readString(example));

        GenericKubernetesResource created = create(resource);

        assertThat(created.getMetadata().getUid()).isNotBlank();
    }

    @Test
    void refusesATenantNameWithADash() {
        assertRefused(
                """
                apiVersion: apps.hearth.dev/v1alpha1
                kind: Tenant
                metadata: {name: foo-bar}
                spec: {}
                """,
                "a Tenant name must start with a lowercase letter and contain only lowercase letters and digits (no dashes)");
    }

    @Test
    void refusesAVMDiskWithTwoSources() {
        assertRefused("""
                apiVersion: apps.hearth.dev/v1alpha1
                kind: VMDisk
                metadata: {name: two-sources}
                spec:
                  size: 10Gi
                  source:
                    http: {url: "https://example.org/disk.img"}
                    blank: {}
                """, "spec.source: Invalid value: set exactly one source: image, http, upload, disk or blank");
    }

    @Test
    void refusesAVMDiskWithoutSource() {
        assertRefused("""
                apiVersion: apps.hearth.dev/v1alpha1
                kind: VMDisk
                metadata: {name: no-source}
                spec:
                  size: 10Gi
                  source: {}
                """, "set exactly one source: image, http, upload, disk or blank");
    }

    @Test
    void refusesAnUnsupportedKubernetesVersion() {
        assertRefused(
                """
                apiVersion: apps.hearth.dev/v1alpha1
                kind: Kubernetes
                metadata: {name: old}
                spec: {version: v1.29}
                """,
                "spec.version: Unsupported value: \"v1.29\": supported values: \"v1.31\", \"v1.32\", \"v1.33\", \"v1.34\", \"v1.35\"");
    }

    @Test
    void refusesAPlatformOfTheOldBundleNamesOrWithoutAVariant() {
        assertRefused(
                """
                apiVersion: platform.hearth.dev/v1alpha1
                kind: Platform
                metadata: {name: hearth}
                spec: {bundle: {name: paas-full, version: 0.1.0, variant: cloud}}
                """,
                "spec.bundle.variant: Unsupported value: \"cloud\": supported values: \"bare-metal\", \"generic\", \"hosted\"");
        assertRefused("""
                apiVersion: platform.hearth.dev/v1alpha1
                kind: Platform
                metadata: {name: hearth}
                spec: {bundle: {name: hearth, version: 0.1.0}}
                """, "spec.bundle.variant: Required value");
        assertRefused("""
                apiVersion: platform.hearth.dev/v1alpha1
                kind: Platform
                metadata: {name: hearth}
                spec:
                  bundle: {name: hearth, version: 0.1.0, variant: hosted}
                  upgradePolicy: {mode: Manual, approvedPlan: yes-please}
                """, "spec.upgradePolicy.approvedPlan");
    }

    @Test
    void refusesANodeGroupWithMinAboveMax() {
        assertRefused("""
                apiVersion: apps.hearth.dev/v1alpha1
                kind: Kubernetes
                metadata: {name: inverted}
                spec:
                  nodeGroups:
                    md0: {minReplicas: 5, maxReplicas: 2}
                """, "spec.nodeGroups[md0]: Invalid value: minReplicas must not be greater than maxReplicas");
    }

    @Test
    void refusesAWrongType() {
        assertRefused(
                """
                apiVersion: apps.hearth.dev/v1alpha1
                kind: Tenant
                metadata: {name: typed}
                spec: {etcd: "yes"}
                """, "spec.etcd: Invalid value: \"string\": spec.etcd in body must be of type boolean: \"string\"");
    }

    @Test
    void refusesAnUnknownField() {
        assertRefused("""
                apiVersion: apps.hearth.dev/v1alpha1
                kind: Tenant
                metadata: {name: unknown}
                spec: {etdc: true}
                """, "unknown field \"spec.etdc\"");
    }

    @Test
    void refusesAMalformedOrNegativeQuota() {
        assertRefused(
                """
                apiVersion: apps.hearth.dev/v1alpha1
                kind: Tenant
                metadata: {name: badquota}
                spec:
                  resourceQuotas: {memory: 4 GB}
                """, "spec.resourceQuotas: Invalid value: every value must be a non-negative Kubernetes quantity");
        assertRefused("""
                apiVersion: apps.hearth.dev/v1alpha1
                kind: Tenant
                metadata: {name: negquota}
                spec:
                  resourceQuotas: {cpu: "-1"}
                """, "every value must be a non-negative Kubernetes quantity");
    }

    @Test
    void refusesInstanceTypeAndResourcesTogether() {
        assertRefused("""
                apiVersion: apps.hearth.dev/v1alpha1
                kind: VMInstance
                metadata: {name: both}
                spec:
                  disks: [{name: system}]
                  instanceType: u1.medium
                  resources: {cpu: 2, memory: 4Gi}
                """, "set either instanceType (with an optional preference) or resources, not both");
    }

    @Test
    void acceptsAMinimalVMInstance() {
        GenericKubernetesResource vm = create(read("""
                apiVersion: apps.hearth.dev/v1alpha1
                kind: VMInstance
                metadata: {name: minimal}
                spec:
                  disks: [{name: system}]
                """));
        assertThat(spec(vm)).containsEntry("runStrategy", "Always").containsEntry("external", false);
    }

    @Test
    void refusesAVMInstanceWithoutDisks() {
        assertRefused("""
                apiVersion: apps.hearth.dev/v1alpha1
                kind: VMInstance
                metadata: {name: diskless}
                spec: {disks: []}
                """, "spec.disks: Invalid value: 0: spec.disks in body should have at least 1 items");
        assertRefused("""
                apiVersion: apps.hearth.dev/v1alpha1
                kind: VMInstance
                metadata: {name: nodisks}
                spec: {runStrategy: Always}
                """, "spec.disks: Required value");
    }

    @Test
    void refusesChangingAnImmutableStorageClassOrShrinkingADisk() {
        GenericKubernetesResource disk = create(read("""
                apiVersion: apps.hearth.dev/v1alpha1
                kind: VMDisk
                metadata: {name: grows}
                spec:
                  size: 10Gi
                  storageClass: fast
                  source: {blank: {}}
                """));

        spec(disk).put("source", Map.of("http", Map.of("url", "https://example.org/other.img")));
        assertThatThrownBy(() -> client.resource(disk).update())
                .isInstanceOf(KubernetesClientException.class)
                .hasMessageContaining("spec.source is immutable once the disk exists");

        spec(disk).put("source", Map.of("blank", Map.of()));
        spec(disk).put("storageClass", "slow");
        assertThatThrownBy(() -> client.resource(disk).update())
                .isInstanceOf(KubernetesClientException.class)
                .hasMessageContaining("spec.storageClass is immutable once the disk exists");

        GenericKubernetesResource current = client.resource(disk).get();
        spec(current).put("size", "5Gi");
        assertThatThrownBy(() -> client.resource(current).update())
                .hasMessageContaining("spec.size cannot shrink: a disk can only grow");

        GenericKubernetesResource again = client.resource(disk).get();
        spec(again).put("size", "20Gi");
        assertThat(spec(client.resource(again).update()).get("size")).isEqualTo("20Gi");
    }

    @Test
    void refusesAnExternalPortOutOfRange() {
        assertRefused("""
                apiVersion: apps.hearth.dev/v1alpha1
                kind: VMInstance
                metadata: {name: ports}
                spec: {disks: [{name: system}], external: true, externalPorts: [22, 70000]}
                """, "externalPorts must be between 1 and 65535");
    }

    @Test
    void refusesAKubernetesDowngrade() {
        GenericKubernetesResource cluster = create(read("""
                apiVersion: apps.hearth.dev/v1alpha1
                kind: Kubernetes
                metadata: {name: forward}
                spec: {version: v1.34}
                """));
        spec(cluster).put("version", "v1.33");
        assertThatThrownBy(() -> client.resource(cluster).update())
                .hasMessageContaining("spec.version cannot be downgraded");
    }

    @Test
    void appliesDefaults() {
        GenericKubernetesResource tenant = create(read("""
                apiVersion: apps.hearth.dev/v1alpha1
                kind: Tenant
                metadata: {name: defaults}
                spec: {}
                """));
        assertThat(spec(tenant)).containsEntry("etcd", false).containsEntry("ingress", false);

        GenericKubernetesResource cluster = create(read("""
                apiVersion: apps.hearth.dev/v1alpha1
                kind: Kubernetes
                metadata: {name: defaults}
                spec: {}
                """));
        assertThat(spec(cluster)).containsEntry("version", "v1.35");
    }

    private static void assertRefused(String yaml, String message) {
        Refusals.assertRefused(() -> create(read(yaml)), message);
    }

    private static GenericKubernetesResource create(GenericKubernetesResource resource) {
        if (!resource.getKind().equals("ApplicationDefinition")
                && !resource.getKind().equals("Platform")) {
            resource.getMetadata().setNamespace(namespace);
        }
        return client.resource(resource).fieldValidation(Validation.STRICT).create();
    }

    private static GenericKubernetesResource read(String yaml) {
        return client.getKubernetesSerialization().unmarshal(yaml, GenericKubernetesResource.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource resource) {
        return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
    }
}
