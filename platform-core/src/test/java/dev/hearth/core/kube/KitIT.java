package dev.hearth.core.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.core.api.tenant.TenantStatus;
import dev.hearth.core.events.EventRecorder;
import dev.hearth.core.status.ReadyCondition;
import dev.hearth.core.status.StatusWriter;
import dev.hearth.core.testing.TestKubernetes;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/** The kit's writers against a real API server: what they write, under which field manager, and when they write nothing. */
class KitIT {
    private static final String SERVICE = "kit-test";
    private static KubernetesClient client;
    private static String namespace;
    private static ServerSideApply apply;

    @BeforeAll
    static void start() {
        TestKubernetes kubernetes = TestKubernetes.shared().withHearthCrds();
        Config config = new ConfigBuilder(kubernetes.config()).build();
        config.setUserAgent(ServiceUserAgent.userAgent("hearth-" + SERVICE, config.getUserAgent()));
        client = new KubernetesClientBuilder().withConfig(config).build();
        namespace = kubernetes.newNamespace("kit");
        apply = ServerSideApply.of(client, SERVICE);
    }

    @Test
    void applyOwnsItsFieldsUnderTheServicesFieldManagerAndUndoesAHandEdit() {
        apply.apply(configMap("owned", Map.of("a", "1")));
        client.configMaps().inNamespace(namespace).withName("owned").edit(cm -> {
            cm.getData().put("a", "hand");
            return cm;
        });

        ConfigMap applied = apply.apply(configMap("owned", Map.of("a", "1")));

        assertThat(applied.getData()).containsEntry("a", "1");
        assertThat(managers(applied)).contains("hearth-kit-test/Apply");
        assertThat(apply.fieldManager()).isEqualTo("hearth-kit-test");
    }

    @Test
    void applyIfChangedWritesOnlyADifferenceADroppedValueAndAHandEditIncluded() {
        ConfigMap first = apply.applyIfChanged(configMap("if-changed", Map.of("a", "1", "b", "2")), null);

        ConfigMap same = apply.applyIfChanged(configMap("if-changed", Map.of("a", "1", "b", "2")), first);
        assertThat(same).isSameAs(first);

        // still contained in the live object, but not what is wanted: the hash tells
        ConfigMap dropped = apply.applyIfChanged(configMap("if-changed", Map.of("a", "1")), same);
        assertThat(dropped.getData()).containsOnlyKeys("a");

        ConfigMap edited = client.configMaps()
                .inNamespace(namespace)
                .withName("if-changed")
                .edit(cm -> {
                    cm.getData().put("a", "hand");
                    return cm;
                });
        ConfigMap undone = apply.applyIfChanged(configMap("if-changed", Map.of("a", "1")), edited);
        assertThat(undone.getData()).containsEntry("a", "1");
        assertThat(undone.getMetadata().getResourceVersion())
                .isNotEqualTo(edited.getMetadata().getResourceVersion());
    }

    @Test
    void applyOrDeleteRemovesWhatIsNoLongerWanted() {
        apply.applyOrDelete(
                Optional.of(configMap("optional", Map.of("k", "v"))), ConfigMap.class, namespace, "optional");
        assertThat(client.configMaps()
                        .inNamespace(namespace)
                        .withName("optional")
                        .get())
                .isNotNull();

        apply.applyOrDelete(Optional.empty(), ConfigMap.class, namespace, "optional");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> client.configMaps()
                                .inNamespace(namespace)
                                .withName("optional")
                                .get()
                        == null);
        apply.applyOrDelete(Optional.empty(), ConfigMap.class, namespace, "optional"); // absent: no error
    }

    @Test
    void pruneDeletesOnlyTheSelectedObjectsNotKept() {
        Map<String, String> selector = Map.of("kit.hearth.dev/prune", "yes");
        apply.apply(labelled("keep-me", selector));
        apply.apply(labelled("drop-me", selector));
        apply.apply(configMap("unselected", Map.of()));

        List<ConfigMap> deleted = apply.prune(
                ConfigMap.class,
                namespace,
                selector,
                cm -> cm.getMetadata().getName().equals("keep-me"));

        assertThat(deleted).extracting(cm -> cm.getMetadata().getName()).containsExactly("drop-me");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> client.configMaps()
                                .inNamespace(namespace)
                                .withName("drop-me")
                                .get()
                        == null);
        assertThat(client.configMaps()
                        .inNamespace(namespace)
                        .withName("keep-me")
                        .get())
                .isNotNull();
        assertThat(client.configMaps()
                        .inNamespace(namespace)
                        .withName("unselected")
                        .get())
                .isNotNull();
    }

    @Test
    void createOrApplyCreatesThenLetsADroppedValueLeave() {
        ConfigMap created = apply.createOrApply(configMap("created", Map.of("a", "1", "b", "2")), null);
        assertThat(managers(created)).contains("hearth-kit-test/Update");

        ConfigMap applied = apply.createOrApply(configMap("created", Map.of("a", "1")), created);

        assertThat(applied.getData()).containsOnlyKeys("a");
        assertThat(managers(applied)).contains("hearth-kit-test/Apply").doesNotContain("hearth-kit-test/Update");
    }

    @Test
    void statusIsWrittenOnlyWhenItChangedAndAloneUnderTheServicesFieldManager() {
        Tenant tenant = new Tenant();
        tenant.getMetadata().setName("statuskit");
        tenant.getMetadata().setNamespace(namespace);
        tenant.getSpec().host = "user.example.org";
        tenant = client.resource(tenant).create();
        StatusWriter writer = new StatusWriter(apply);

        var before = StatusWriter.snapshot(tenant.getStatus());
        TenantStatus status = new TenantStatus();
        ReadyCondition.systemClock().notReady(tenant, status, "Testing", "written by the kit");
        tenant.setStatus(status);
        assertThat(writer.writeIfChanged(tenant, before)).isTrue();

        Tenant written = client.resource(tenant).get();
        assertThat(ReadyCondition.find(written.getStatus().conditions, "Ready"))
                .hasValueSatisfying(c -> assertThat(c.getReason()).isEqualTo("Testing"));
        assertThat(written.getSpec().host).as("the user's spec is untouched").isEqualTo("user.example.org");
        assertThat(written.getMetadata().getManagedFields()).anySatisfy(m -> {
            assertThat(m.getManager()).isEqualTo("hearth-kit-test");
            assertThat(m.getSubresource()).isEqualTo("status");
        });
        String version = written.getMetadata().getResourceVersion();

        assertThat(writer.writeIfChanged(written, StatusWriter.snapshot(written.getStatus())))
                .isFalse();
        assertThat(client.resource(written).get().getMetadata().getResourceVersion())
                .isEqualTo(version);
    }

    @Test
    void anEventTellsAReadyTransitionOnceAndNamesTheService() {
        Tenant tenant = new Tenant();
        tenant.getMetadata().setName("eventkit");
        tenant.getMetadata().setNamespace(namespace);
        tenant = client.resource(tenant).create();
        EventRecorder events = new EventRecorder(apply);
        TenantStatus waiting = new TenantStatus();
        ReadyCondition.systemClock().notReady(tenant, waiting, "Waiting", "waiting for the parent");
        TenantStatus ready = new TenantStatus();
        ReadyCondition.systemClock().ready(tenant, ready, "NamespaceReady", "ready");

        events.readyTransition(tenant, null, waiting);
        events.readyTransition(tenant, waiting, waiting);
        events.readyTransition(tenant, waiting, ready);

        String uid = tenant.getMetadata().getUid();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(client.v1()
                                .events()
                                .inNamespace(namespace)
                                .list()
                                .getItems())
                        .filteredOn(e -> uid.equals(e.getInvolvedObject().getUid()))
                        .extracting(e -> e.getType() + " " + e.getReason() + " "
                                + e.getSource().getComponent())
                        .containsExactlyInAnyOrder(
                                "Warning Waiting hearth-kit-test", "Normal NamespaceReady hearth-kit-test"));
    }

    private static ConfigMap configMap(String name, Map<String, String> data) {
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .endMetadata()
                .withData(data)
                .build();
    }

    private static ConfigMap labelled(String name, Map<String, String> labels) {
        ConfigMap cm = configMap(name, Map.of());
        cm.getMetadata().setLabels(labels);
        return cm;
    }

    private static List<String> managers(ConfigMap cm) {
        return client.resource(cm).get().getMetadata().getManagedFields().stream()
                .map((ManagedFieldsEntry m) -> m.getManager() + "/" + m.getOperation())
                .toList();
    }
}
