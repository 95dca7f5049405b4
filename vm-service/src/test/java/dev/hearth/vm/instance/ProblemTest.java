package dev.hearth.vm.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.hearth.core.api.vm.VMDisk;
import dev.hearth.core.api.vm.VMInstance;
import dev.hearth.core.api.vm.VMInstanceDisk;
import dev.hearth.core.testing.YamlFixtures;

class ProblemTest {
    static final String ALICE =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f alice@laptop";

    @Test
    void acceptsOpenSshPublicKeys() {
        assertThat(Problem.sshKeyProblem(ALICE)).isEmpty();
        assertThat(Problem.sshKeyProblem(
                        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f"))
                .isEmpty();
    }

    @Test
    void explainsWhatIsWrongWithAKey() {
        assertThat(Problem.sshKeyProblem("hello")).contains("expected \"<type> <base64 key> [comment]\"");
        assertThat(Problem.sshKeyProblem("ssh-foo AAAA")).contains("unknown key type \"ssh-foo\"");
        assertThat(Problem.sshKeyProblem("ssh-rsa not*base64")).contains("the key is not valid base64");
        assertThat(Problem.sshKeyProblem(
                        "ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f"))
                .contains("the key says it is ssh-rsa but its content is ssh-ed25519");
        assertThat(Problem.sshKeyProblem("ssh-rsa AAAA/w==")).contains("the key is truncated");
    }

    @Test
    void namesTheInvalidKeyAndSaysWhatToUse() {
        VMInstance instance = new VMInstance();
        instance.getSpec().sshKeys = List.of(ALICE, "ssh-rsa oops");

        assertThat(Problem.inSpec(instance))
                .contains(new Problem(
                        "InvalidSSHKey",
                        "spec.sshKeys[1] is not an SSH public key: the key is truncated; use one line of an OpenSSH .pub file, "
                                + "e.g. \"ssh-ed25519 AAAAC3Nza... user@host\""));
    }

    @Test
    void refusesADiskAttachedTwice() {
        VMInstance instance = new VMInstance();
        instance.getSpec().disks =
                List.of(new VMInstanceDisk("system"), new VMInstanceDisk("data"), new VMInstanceDisk("system"));

        assertThat(Problem.inSpec(instance))
                .contains(new Problem(
                        "DuplicateDisk",
                        "a disk can be attached only once: remove the repeated entries of system from spec.disks"));
    }

    @Test
    void refusesAnExternalInstanceWithoutPorts() {
        VMInstance instance = new VMInstance();
        instance.getSpec().external = true;
        instance.getSpec().externalPorts = List.of();

        assertThat(Problem.inSpec(instance)).map(Problem::reason).contains("NoExternalPorts");
    }

    @Test
    void refusesAVirtioCdrom() {
        VMInstance instance = new VMInstance();
        VMInstanceDisk iso = new VMInstanceDisk("iso");
        iso.bus = VMInstanceDisk.DiskBus.virtio;
        instance.getSpec().disks = List.of(iso);
        VMDisk disk = YamlFixtures.parse("""
                apiVersion: apps.hearth.dev/v1alpha1
                kind: VMDisk
                metadata: {name: iso}
                spec: {source: {blank: {}}, size: 1Gi, optical: true}
                """, VMDisk.class);

        assertThat(Problem.inDisks(instance, List.of(disk)))
                .contains(
                        new Problem(
                                "InvalidDiskBus",
                                "optical disks are CD-ROMs, which cannot use the virtio bus: set bus to sata or scsi (or leave it empty) for iso"));
    }
}
