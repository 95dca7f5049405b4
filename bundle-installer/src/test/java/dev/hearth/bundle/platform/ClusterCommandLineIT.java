package dev.hearth.bundle.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.hearth.bundle.Fixtures;
import dev.hearth.bundle.cli.BundleCli;
import dev.hearth.core.api.platform.Platform;
import dev.hearth.core.api.platform.PlatformSpec;
import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.core.testing.TestKubernetes;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The command line against a cluster, with the installer and the real Flux controllers at work: apply a Platform from a
 * file, read its plan, refuse an approval of a plan that is not the current one, approve the current one, and see the
 * status go Ready, each with its exit code.
 */
@QuarkusTest
@QuarkusTestResource(
        value = KubeApiServerTestResource.class,
        initArgs = {@ResourceArg(name = "flux", value = "true"), @ResourceArg(name = "upstreamCrds", value = "all")})
@QuarkusTestResource(FluxBundleResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterCommandLineIT {
    private static final KubernetesClient CLIENT = TestKubernetes.shared().client();
    private static String hash;

    @BeforeAll
    static void noBundleYet() {
        Fixtures.ensureInstallerNamespace(CLIENT);
        InstallerKilledIT.removeTheBundle();
    }

    @AfterAll
    static void removeIt() {
        InstallerKilledIT.removeTheBundle();
    }

    @Test
    @Order(1)
    void applyingAPlatformFileShowsThePlanItGetsAndWaitsForApproval() throws IOException {
        Path file = Files.createTempFile("platform", ".yaml");
        Files.writeString(
                file, Serialization.asYaml(PlatformThroughFluxIT.platform(PlatformSpec.Mode.Manual, null, Map.of())));

        Run apply = run("apply", "--file", file.toString());

        assertThat(apply.code).isEqualTo(BundleCli.CHANGES);
        hash = platform().getStatus().plan.hash;
        assertThat(apply.out)
                .contains("platform hearth: plan " + hash, "waiting for approval", "create base-config 1.0.0");
        assertThat(InstallerKilledIT.releases()).isEmpty();

        Run plan = run("plan", "--cluster", "hearth");
        assertThat(plan.code).isEqualTo(BundleCli.CHANGES);
        assertThat(plan.out).isEqualTo(apply.out);
    }

    @Test
    @Order(2)
    void anApprovalOfAnotherPlanIsRefusedAndChangesNothing() {
        Run approve = run("apply", "--approve", "0123456789abcdef");

        assertThat(approve.code).isEqualTo(BundleCli.ERROR);
        assertThat(approve.err).contains("is " + hash + " now, not 0123456789abcdef");
        assertThat(platform().getSpec().upgradePolicy.approvedPlan).isNull();

        Run status = run("status");
        assertThat(status.code).isEqualTo(BundleCli.CHANGES);
        assertThat(status.out).contains("Ready=False AwaitingApproval");
    }

    @Test
    @Order(3)
    void approvingTheCurrentPlanInstallsTheBundleAndTheStatusSaysReady() {
        Run approve = run("apply", "--approve", hash);

        assertThat(approve.code).as(approve.err).isEqualTo(BundleCli.CHANGES);
        assertThat(approve.out).contains("approved plan " + hash);
        Platform approved = platform();
        assertThat(approved.getSpec().upgradePolicy.approvedPlan).isEqualTo(hash);
        // the approval has its own field manager; the bundle stays the file's
        assertThat(approved.getMetadata().getManagedFields())
                .extracting(f -> f.getManager())
                .contains("hearth-bundle-cli", "hearth-bundle-cli-approval");
        assertThat(approved.getSpec().bundle.name).isEqualTo("flux-test");

        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> run("status").code == BundleCli.NO_CHANGE);
        Run status = run("status");
        assertThat(status.out).contains("Ready=True BundleReady", "widget-app", "1.0.0 -> 1.0.0");
        assertThat(run("plan", "--cluster", "hearth").code).isEqualTo(BundleCli.NO_CHANGE);
        assertThat(run("apply", "--approve", platform().getStatus().plan.hash).code)
                .as("nothing left to approve")
                .isEqualTo(BundleCli.NO_CHANGE);
    }

    @Test
    @Order(4)
    void aMissingPlatformOrAMissingArgumentIsAnError() {
        Run missing = run("status", "--name", "elsewhere");
        assertThat(missing.code).isEqualTo(BundleCli.ERROR);
        assertThat(missing.err).contains("no Platform elsewhere");

        Run neither = run("apply", "--wait", "1");
        assertThat(neither.code).isEqualTo(BundleCli.ERROR);
        assertThat(neither.err).contains("apply takes --file PLATFORM.yaml or --approve HASH");
    }

    private static Platform platform() {
        return CLIENT.resources(Platform.class).withName("hearth").get();
    }

    private record Run(int code, String out, String err) {}

    /** The command line as a user runs it: its own client, from a kubeconfig of the test API server. */
    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> arguments = new ArrayList<>(List.of(args));
        int code = BundleCli.run(
                arguments,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                () -> new KubernetesClientBuilder()
                        .withConfig(CLIENT.getConfiguration())
                        .build());
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
