package dev.hearth.tenant.deletion;

import static dev.hearth.tenant.Tenants.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.core.api.vm.VMDisk;
import dev.hearth.core.api.vm.VMDiskSource;
import dev.hearth.core.status.ReadyCondition;
import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.tenant.Tenants;
import dev.hearth.tenant.modules.ModuleInstanceFor;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Deletion with kube-controller-manager running, so namespaces really go away. */
@QuarkusTest
@QuarkusTestResource(
        value = KubeApiServerTestResource.class,
        initArgs = @ResourceArg(name = "controllerManager", value = "true"))
class TenantDeletionIT {
    private static final Duration DELETION_TIMEOUT = Duration.ofSeconds(120);

    @Test
    @SuppressWarnings("try") // the watch is only held open while the tenant is deleted
    void deletingATenantRemovesItsChildFirstThenBothNamespacesAreReallyGone() {
        createReady("tenant-root", "gone");
        createReady("tenant-gone", "inner");
        List<String> namespaceEvents = Collections.synchronizedList(new ArrayList<>());
        try (Watch watch = client().namespaces().watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, Namespace namespace) {
                String name = namespace.getMetadata().getName();
                if (name.startsWith("tenant-gone")) {
                    namespaceEvents.add(name
                            + (action == Action.DELETED
                                    ? " deleted"
                                    : namespace.getMetadata().getDeletionTimestamp() != null
                                            ? " terminating"
                                            : " present"));
                }
            }

            @Override
            public void onClose(WatcherException cause) {}
        })) {
            client().resources(Tenant.class)
                    .inNamespace("tenant-root")
                    .withName("gone")
                    .delete();

            await().atMost(DELETION_TIMEOUT)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> client().namespaces().withName("tenant-gone").get() == null
                            && client().namespaces()
                                            .withName("tenant-gone-inner")
                                            .get()
                                    == null);
        }
        await().atMost(Tenants.TIMEOUT).until(() -> Tenants.get("tenant-root", "gone") == null);
        assertThat(Tenants.get("tenant-gone", "inner")).isNull();
        List<String> events = List.copyOf(namespaceEvents);
        assertThat(events).contains("tenant-gone-inner deleted", "tenant-gone deleted");
        assertThat(events.indexOf("tenant-gone-inner deleted"))
                .as(events.toString())
                .isLessThan(events.indexOf("tenant-gone terminating"));
    }

    @Test
    void aForeignFinalizerBlocksDeletionTheStatusNamesItAndRemovingItLetsDeletionFinish() {
        createReady("tenant-root", "held");
        client().configMaps()
                .inNamespace("tenant-held")
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("held-config")
                        .addToFinalizers("example.com/hold")
                        .endMetadata()
                        .build())
                .create();

        client().resources(Tenant.class)
                .inNamespace("tenant-root")
                .withName("held")
                .delete();

        await().atMost(DELETION_TIMEOUT)
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(
                        () -> assertThat(Tenants.get("tenant-root", "held").getStatus().blockedBy)
                                .contains(
                                        "Namespace tenant-held is terminating",
                                        "NamespaceFinalizersRemaining: Some content in the namespace has finalizers "
                                                + "remaining: example.com/hold in 1 resource instances"));
        Tenant blocked = Tenants.get("tenant-root", "held");
        var ready = ReadyCondition.find(blocked.getStatus().conditions, "Ready").orElseThrow();
        assertThat(ready.getReason()).isEqualTo("Deleting");
        assertThat(ready.getMessage()).contains("example.com/hold in 1 resource instances");

        client().configMaps().inNamespace("tenant-held").withName("held-config").edit(cm -> {
            cm.getMetadata().setFinalizers(List.of());
            return cm;
        });

        await().atMost(DELETION_TIMEOUT)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> Tenants.get("tenant-root", "held") == null
                        && client().namespaces().withName("tenant-held").get() == null);
    }

    @Test
    void appInstancesAreDeletedBeforeTheNamespace() {
        createReady("tenant-root", "withapps");
        heldDisk("tenant-withapps", "kept", false);

        client().resources(Tenant.class)
                .inNamespace("tenant-root")
                .withName("withapps")
                .delete();

        await().atMost(DELETION_TIMEOUT)
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(
                        () -> assertThat(Tenants.get("tenant-root", "withapps").getStatus().blockedBy)
                                .containsExactly("VMDisk kept (finalizers: example.com/hold) is being deleted"));
        assertThat(deletionTimestamp("tenant-withapps", "kept")).isNotNull();
        assertThat(client().namespaces()
                        .withName("tenant-withapps")
                        .get()
                        .getMetadata()
                        .getDeletionTimestamp())
                .isNull();

        release("tenant-withapps", "kept");

        await().atMost(DELETION_TIMEOUT)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> Tenants.get("tenant-root", "withapps") == null
                        && client().namespaces().withName("tenant-withapps").get() == null);
    }

    @Test
    void aParentsModulesGoLastAfterItsChildren() {
        createReady("tenant-root", "modparent");
        createReady("tenant-modparent", "modchild");
        heldDisk("tenant-modparent", "etcd-stand-in", true);
        heldDisk("tenant-modparent-modchild", "cluster-stand-in", false);

        client().resources(Tenant.class)
                .inNamespace("tenant-root")
                .withName("modparent")
                .delete();

        await().atMost(DELETION_TIMEOUT)
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(
                        () -> assertThat(Tenants.get("tenant-root", "modparent").getStatus().blockedBy)
                                .contains("Tenant tenant-modparent/modchild is being deleted"));
        assertThat(deletionTimestamp("tenant-modparent-modchild", "cluster-stand-in"))
                .isNotNull();
        // the child's app still runs: the parent's module it may depend on must stay
        assertThat(deletionTimestamp("tenant-modparent", "etcd-stand-in")).isNull();

        release("tenant-modparent-modchild", "cluster-stand-in");
        await().atMost(DELETION_TIMEOUT)
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(
                                Tenants.get("tenant-root", "modparent").getStatus().blockedBy)
                        .containsExactly("VMDisk etcd-stand-in (finalizers: example.com/hold) is being deleted"));
        assertThat(Tenants.get("tenant-modparent", "modchild")).isNull();

        release("tenant-modparent", "etcd-stand-in");
        await().atMost(DELETION_TIMEOUT)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> Tenants.get("tenant-root", "modparent") == null
                        && client().namespaces().withName("tenant-modparent").get() == null);
    }

    /** An app instance (a VMDisk stands in for any kind) held by a finalizer, labelled as a tenant module or not. */
    private static void heldDisk(String namespace, String name, boolean module) {
        VMDisk disk = new VMDisk();
        disk.setMetadata(new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(namespace)
                .withFinalizers("example.com/hold")
                .addToLabels(module ? Map.of(ModuleInstanceFor.MODULE_LABEL, "true") : Map.of())
                .build());
        disk.getSpec().source = new VMDiskSource();
        disk.getSpec().source.blank = new VMDiskSource.Empty();
        disk.getSpec().size = new Quantity("1Gi");
        client().resource(disk).create();
    }

    private static String deletionTimestamp(String namespace, String name) {
        return client().resources(VMDisk.class)
                .inNamespace(namespace)
                .withName(name)
                .get()
                .getMetadata()
                .getDeletionTimestamp();
    }

    private static void release(String namespace, String name) {
        client().resources(VMDisk.class).inNamespace(namespace).withName(name).edit(d -> {
            d.getMetadata().setFinalizers(List.of());
            return d;
        });
    }

    private static void createReady(String namespace, String name) {
        Tenants.awaitRoot();
        await().atMost(Tenants.TIMEOUT)
                .until(() -> client().namespaces().withName(namespace).get() != null);
        Tenant tenant = new Tenant();
        tenant.setMetadata(
                new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        Tenants.apply(tenant);
        Tenants.awaitReason(namespace, name, "NamespaceReady");
    }
}
