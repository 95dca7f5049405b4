package dev.hearth.tenant.modules;

import static dev.hearth.tenant.Tenants.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.core.status.ReadyCondition;
import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.tenant.Tenants;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Tenant modules become app instances once apps-catalog serves their kind; until then the tenant works and says
 * what it waits for. The test plays apps-catalog by installing a CRD for Etcd only.
 */
@QuarkusTest
@QuarkusTestResource(KubeApiServerTestResource.class)
class TenantModulesIT {
    private static final ResourceDefinitionContext ETCDS = new ResourceDefinitionContext.Builder()
            .withGroup("apps.hearth.dev")
            .withVersion("v1alpha1")
            .withKind("Etcd")
            .withPlural("etcds")
            .withNamespaced(true)
            .build();

    @Test
    void modulesWaitForTheirKindThenRunAndGoAwayWhenTheFlagIsOff() {
        Tenants.awaitRoot();
        Tenant tenant = new Tenant();
        tenant.setMetadata(new ObjectMetaBuilder()
                .withName("modular")
                .withNamespace("tenant-root")
                .build());
        tenant.getSpec().etcd = true;
        tenant.getSpec().monitoring = true;
        Tenants.apply(tenant);

        Tenants.awaitReason("tenant-root", "modular", "NamespaceReady");
        await().atMost(Tenants.TIMEOUT)
                .untilAsserted(() -> assertThat(modules(Tenants.get("tenant-root", "modular")))
                        .satisfies(c -> {
                            assertThat(c.getStatus()).isEqualTo("False");
                            assertThat(c.getReason()).isEqualTo("WaitingForKind");
                            assertThat(c.getMessage())
                                    .isEqualTo(
                                            "Waiting for apps-catalog to serve the kinds Etcd, Monitoring (apps.hearth.dev/v1alpha1) "
                                                    + "to run this tenant's modules; the tenant works meanwhile");
                        }));

        installEtcdKind();

        await().atMost(Tenants.TIMEOUT).untilAsserted(() -> {
            GenericKubernetesResource etcd = client().genericKubernetesResources(ETCDS)
                    .inNamespace("tenant-modular")
                    .withName("etcd")
                    .get();
            assertThat(etcd).isNotNull();
            assertThat(etcd.getMetadata().getLabels())
                    .contains(
                            entry("apps.hearth.dev/tenant-module", "true"),
                            entry("hearth.dev/tenant", "tenant-modular"));
            assertThat(modules(Tenants.get("tenant-root", "modular")).getMessage())
                    .startsWith("Waiting for apps-catalog to serve the kinds Monitoring ");
        });

        tenant.getSpec().etcd = false;
        Tenants.apply(tenant);

        await().atMost(Tenants.TIMEOUT)
                .until(() -> client().genericKubernetesResources(ETCDS)
                                .inNamespace("tenant-modular")
                                .withName("etcd")
                                .get()
                        == null);
    }

    private static io.fabric8.kubernetes.api.model.Condition modules(Tenant tenant) {
        return ReadyCondition.find(tenant.getStatus().conditions, "ModulesReady")
                .orElseThrow();
    }

    private static void installEtcdKind() {
        CustomResourceDefinition crd = new CustomResourceDefinitionBuilder()
                .withNewMetadata()
                .withName("etcds.apps.hearth.dev")
                .endMetadata()
                .withNewSpec()
                .withGroup("apps.hearth.dev")
                .withScope("Namespaced")
                .withNewNames()
                .withKind("Etcd")
                .withPlural("etcds")
                .withSingular("etcd")
                .endNames()
                .addNewVersion()
                .withName("v1alpha1")
                .withServed(true)
                .withStorage(true)
                .withNewSchema()
                .withNewOpenAPIV3Schema()
                .withType("object")
                .withXKubernetesPreserveUnknownFields(true)
                .endOpenAPIV3Schema()
                .endSchema()
                .endVersion()
                .endSpec()
                .build();
        client().resource(crd).fieldManager("test-user").forceConflicts().serverSideApply();
        client().apiextensions()
                .v1()
                .customResourceDefinitions()
                .withName("etcds.apps.hearth.dev")
                .waitUntilCondition(
                        c -> c != null
                                && c.getStatus() != null
                                && c.getStatus().getConditions() != null
                                && c.getStatus().getConditions().stream()
                                        .anyMatch(cond -> "Established".equals(cond.getType())
                                                && "True".equals(cond.getStatus())),
                        60,
                        TimeUnit.SECONDS);
    }
}
