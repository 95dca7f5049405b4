package dev.hearth.vm.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import dev.hearth.core.Labels;
import dev.hearth.core.api.vm.VMDisk;
import dev.hearth.core.api.vm.VMInstance;
import dev.hearth.core.api.vm.VMInstanceDisk;
import dev.hearth.core.api.vm.VMResources;
import dev.hearth.core.testing.YamlFixtures;
import dev.hearth.core.upstream.KubeVirt;
import dev.hearth.vm.OperatorFixture;
import dev.hearth.vm.OperatorIT;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.quarkus.test.junit.QuarkusTest;

/** The running operator against a real API server with the real KubeVirt and CDI CRDs; KubeVirt's status is set by hand. */
@QuarkusTest
class VMInstanceReconcilerIT extends OperatorIT {
    private static final Duration TIMEOUT = OperatorFixture.TIMEOUT;

    @Override
    protected String namespacePrefix() {
        return "vminstance";
    }

    @Test
    void aVmWithAnHttpSystemDiskAndABlankDataDiskIsAcceptedWhole() {
        VMDisk system = createDisk("web-system", "{http: {url: \"https://example.org/ubuntu.qcow2\"}}", false);
        VMDisk data = createDisk("web-data", "{blank: {}}", false);
        VMInstance web = create("""
                apiVersion: apps.hearth.dev/v1alpha1
                kind: VMInstance
                metadata: {name: web}
                spec:
                  resources: {cpu: 2, memory: 4Gi}
                  preference: ubuntu
                  disks: [{name: web-system}, {name: web-data, bus: scsi}]
                  gpus: [{name: nvidia.com/AD102GL_L40S}]
                  sshKeys: ["%s"]
                  cloudInit: "#cloud-config\\npackages: [nginx]\\n"
                  external: true
                  externalPorts: [22, 443]
                """.formatted(ProblemTest.ALICE));

        GenericKubernetesResource vm = awaitVm(web);

        // nothing pruned: the live spec is exactly what the mapping produced
        assertThat(vm.getAdditionalProperties().get("spec"))
                .isEqualTo(VirtualMachineFor.desired(
                                live(web),
                                List.of(
                                        client.resource(system).get(),
                                        client.resource(data).get()),
                                OperatorFixture.FIELD_MANAGER)
                        .getAdditionalProperties()
                        .get("spec"));
        Service service = await().atMost(TIMEOUT)
                .ignoreExceptions()
                .until(
                        () -> client.services()
                                .inNamespace(cluster.namespace())
                                .withName("vm-instance-web")
                                .get(),
                        s -> s != null);
        assertThat(service.getSpec().getType()).isEqualTo("LoadBalancer");
        assertThat(service.getSpec().getPorts()).extracting(p -> p.getPort()).containsExactly(22, 443);
        assertThat(client.secrets()
                        .inNamespace(cluster.namespace())
                        .withName("vm-instance-web-cloud-init")
                        .get()
                        .getData())
                .containsKey("userdata");
        assertThat(client.secrets()
                        .inNamespace(cluster.namespace())
                        .withName("vm-instance-web-ssh-keys")
                        .get()
                        .getData())
                .containsOnlyKeys("key0");
        await().atMost(TIMEOUT)
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(ready(web).getReason()).isEqualTo("WaitingForVirtualMachine"));
    }

    @Test
    void mirrorsTheVmAndItsRunningInstance() {
        createDisk("db-system", "{blank: {}}", false);
        VMInstance db = create("""
                apiVersion: apps.hearth.dev/v1alpha1
                kind: VMInstance
                metadata: {name: db}
                spec:
                  disks: [{name: db-system}]
                """);
        awaitVm(db);

        setVmStatus(db, Map.of("printableStatus", "Starting", "ready", false));
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
            assertThat(live(db).getStatus().printableStatus).isEqualTo("Starting");
            assertThat(ready(db).getStatus()).isEqualTo("False");
            assertThat(ready(db).getMessage()).isEqualTo("VirtualMachine vm-instance-db is Starting");
        });

        client.resource(runningInstance(db, "10.244.1.9")).create();
        setVmStatus(db, Map.of("printableStatus", "Running", "ready", true));
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
            VMInstance live = live(db);
            assertThat(live.getStatus().printableStatus).isEqualTo("Running");
            assertThat(live.getStatus().ready).isTrue();
            assertThat(live.getStatus().ipAddresses).containsExactly("10.244.1.9");
            assertThat(live.getStatus().restartPending).isFalse();
            assertThat(ready(db).getStatus()).isEqualTo("True");
            assertThat(ready(db).getObservedGeneration())
                    .isEqualTo(live.getMetadata().getGeneration());
        });
        // every status write went out under the service's field manager, none under the SDK's default
        assertThat(live(db).getMetadata().getManagedFields())
                .filteredOn(entry -> "status".equals(entry.getSubresource()))
                .isNotEmpty()
                .allSatisfy(entry -> assertThat(entry.getManager()).isEqualTo(OperatorFixture.FIELD_MANAGER));

        // a new instance type reaches the VM; KubeVirt then asks for a restart, which the status passes on
        editInstance("db", i -> i.getSpec().instanceType = "u1.large");
        await().atMost(TIMEOUT)
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(vmSpec(db).get("instancetype"))
                        .isEqualTo(Map.of("kind", "VirtualMachineClusterInstancetype", "name", "u1.large")));
        setVmStatus(
                db,
                Map.of(
                        "printableStatus",
                        "Running",
                        "ready",
                        true,
                        "conditions",
                        List.of(Map.of("type", "RestartRequired", "status", "True"))));
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
            assertThat(live(db).getStatus().restartPending).isTrue();
            assertThat(ready(db).getMessage())
                    .isEqualTo("the VM is running; a change waits for a restart of the VM to take effect");
        });
    }

    @Test
    void changingResourcesAndDisksUpdatesTheVm() {
        createDisk("app-system", "{blank: {}}", false);
        createDisk("app-iso", "{blank: {}}", true);
        VMInstance app = create("""
                apiVersion: apps.hearth.dev/v1alpha1
                kind: VMInstance
                metadata: {name: app}
                spec:
                  disks: [{name: app-system}]
                """);
        awaitVm(app);
        assertThat(vmSpec(app).get("instancetype"))
                .isEqualTo(Map.of("kind", "VirtualMachineClusterInstancetype", "name", "u1.medium"));

        editInstance("app", i -> {
            VMResources resources = new VMResources();
            resources.cpu = 8;
            resources.memory = new Quantity("16Gi");
            i.getSpec().resources = resources;
            i.getSpec().disks.add(0, new VMInstanceDisk("app-iso"));
        });

        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
            Map<String, Object> spec = vmSpec(app);
            assertThat(spec).doesNotContainKey("instancetype");
            Map<String, Object> domain = path(spec, "template", "spec", "domain");
            assertThat(domain.get("cpu")).isEqualTo(Map.of("cores", 8, "sockets", 1));
            assertThat(domain.get("memory")).isEqualTo(Map.of("guest", "16Gi"));
            assertThat(path(domain, "devices").get("disks"))
                    .isEqualTo(List.of(
                            Map.of("name", "disk-app-iso", "bootOrder", 1, "cdrom", Map.of("bus", "sata")),
                            Map.of("name", "disk-app-system", "bootOrder", 2, "disk", Map.of())));
        });
    }

    @Test
    void waitsForADiskThatDoesNotExistYet() {
        VMInstance late = create("""
                apiVersion: apps.hearth.dev/v1alpha1
                kind: VMInstance
                metadata: {name: late}
                spec:
                  disks: [{name: late-system}]
                """);
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
            Condition ready = ready(late);
            assertThat(ready.getStatus()).isEqualTo("False");
            assertThat(ready.getReason()).isEqualTo("WaitingForDisk");
            assertThat(ready.getMessage())
                    .isEqualTo("waiting for VMDisk late-system: create it in namespace " + cluster.namespace()
                            + " or remove it from spec.disks");
        });
        assertThat(vm(late).get()).isNull();

        createDisk("late-system", "{blank: {}}", false);

        awaitVm(late);
    }

    @Test
    void refusesAnInvalidSshKeyWithACondition() {
        VMInstance keyed = create("""
                apiVersion: apps.hearth.dev/v1alpha1
                kind: VMInstance
                metadata: {name: keyed}
                spec:
                  disks: [{name: keyed-system}]
                  sshKeys: ["ssh-rsa not-a-key"]
                """);

        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
            assertThat(ready(keyed).getReason()).isEqualTo("InvalidSSHKey");
            assertThat(ready(keyed).getMessage()).startsWith("spec.sshKeys[0] is not an SSH public key");
        });
        assertThat(vm(keyed).get()).isNull();
    }

    @Test
    void switchingToExternalRecreatesTheServiceAsALoadBalancer() {
        createDisk("edge-system", "{blank: {}}", false);
        create("""
                apiVersion: apps.hearth.dev/v1alpha1
                kind: VMInstance
                metadata: {name: edge}
                spec:
                  disks: [{name: edge-system}]
                """);
        var service = client.services().inNamespace(cluster.namespace()).withName("vm-instance-edge");
        await().atMost(TIMEOUT)
                .ignoreExceptions()
                .untilAsserted(
                        () -> assertThat(service.get().getSpec().getClusterIP()).isEqualTo("None"));

        editInstance("edge", i -> i.getSpec().external = true);

        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
            Service external = service.get();
            assertThat(external).as("recreated").isNotNull();
            assertThat(external.getSpec().getType()).isEqualTo("LoadBalancer");
            assertThat(external.getSpec().getClusterIP()).isNotEqualTo("None");
            assertThat(external.getSpec().getExternalTrafficPolicy()).isEqualTo("Local");
            assertThat(external.getSpec().getPorts())
                    .extracting(p -> p.getPort())
                    .containsExactly(22);
        });
    }

    private void editInstance(String name, Consumer<VMInstance> change) {
        cluster.edit(VMInstance.class, name, change);
    }

    private VMDisk createDisk(String name, String source, boolean optical) {
        return cluster.create("""
                apiVersion: apps.hearth.dev/v1alpha1
                kind: VMDisk
                metadata: {name: %s}
                spec: {source: %s, size: 1Gi, optical: %s}
                """.formatted(name, source, optical), VMDisk.class);
    }

    private VMInstance create(String yaml) {
        return cluster.create(yaml, VMInstance.class);
    }

    private VMInstance live(VMInstance instance) {
        return client.resource(instance).get();
    }

    private Condition ready(VMInstance instance) {
        return cluster.ready(instance);
    }

    private Resource<GenericKubernetesResource> vm(VMInstance instance) {
        return cluster.upstream(KubeVirt.VirtualMachine.class, VirtualMachineFor.name(instance));
    }

    private GenericKubernetesResource awaitVm(VMInstance instance) {
        return cluster.awaitExisting(vm(instance));
    }

    private Map<String, Object> vmSpec(VMInstance instance) {
        return path(vm(instance).get().getAdditionalProperties(), "spec");
    }

    /**
     * Writes the VirtualMachine's status as KubeVirt does, through its status subresource (KubeVirt's own CRD has one;
     * the VirtualMachineInstance has none, so {@link #runningInstance} carries its status in the object).
     */
    private void setVmStatus(VMInstance instance, Map<String, Object> status) {
        cluster.setStatus(vm(instance), status);
    }

    /** What KubeVirt starts for a running VM: a VirtualMachineInstance with the template's labels and an address. */
    private GenericKubernetesResource runningInstance(VMInstance instance, String ip) {
        GenericKubernetesResource vmi = YamlFixtures.parse(
                """
                apiVersion: kubevirt.io/v1
                kind: VirtualMachineInstance
                metadata:
                  name: %s
                  labels:
                    %s: %s
                    %s: VMInstance
                    %s: %s
                spec:
                  domain: {devices: {}}
                status:
                  phase: Running
                  interfaces:
                  - {name: default, ipAddress: %s, ipAddresses: [%s]}
                """.formatted(
                                VirtualMachineFor.name(instance),
                                Labels.MANAGED_BY,
                                OperatorFixture.FIELD_MANAGER,
                                Labels.APPLICATION_KIND,
                                Labels.APPLICATION_NAME,
                                instance.getMetadata().getName(),
                                ip,
                                ip),
                GenericKubernetesResource.class);
        vmi.getMetadata().setNamespace(cluster.namespace());
        return vmi;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> path(Map<String, Object> map, String... keys) {
        Map<String, Object> current = map;
        for (String key : keys) {
            current = (Map<String, Object>) current.get(key);
        }
        return current;
    }
}
