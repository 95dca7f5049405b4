package dev.hearth.bundle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hearth.bundle.Fixtures;

/** The command line's output and its flux-diff exit codes: 0 no change, 1 changes, 2 error. */
class BundleCliTest {
    private final CliRun cli = new CliRun();

    @Test
    void planOnAFreshClusterListsChangesAndExitsOne() {
        assertThat(cli.run("plan", "--bundle", Fixtures.path("small.yaml").toString(), "--variant", "generic"))
                .isEqualTo(BundleCli.CHANGES);
        assertThat(cli.out())
                .contains("create operator 2.0.0 (after base, crds-provider)")
                .contains("plan ");
    }

    @Test
    void planAgainstWhatIsInstalledExitsZero(@TempDir Path dir) throws Exception {
        Path installed = dir.resolve("installed.yaml");
        Files.writeString(installed, """
                base: {chartVersion: 1.0.0}
                crds-provider: {chartVersion: 1.0.0}
                operator: {chartVersion: 2.0.0, values: {replicas: 1, auth: {password: hunter2, user: admin}}}
                app: {chartVersion: 3.1.0}
                """);

        int code = cli.run(
                "plan",
                "--bundle",
                Fixtures.path("small.yaml").toString(),
                "--variant",
                "hosted",
                "--installed",
                installed.toString());

        assertThat(code).as(cli.out() + cli.err()).isEqualTo(BundleCli.NO_CHANGE);
        assertThat(cli.out()).contains("no change");
    }

    @Test
    void anInvalidBundleExitsTwoNamingTheProblem() {
        assertThat(cli.run(
                        "plan", "--bundle", Fixtures.path("invalid/cycle.yaml").toString()))
                .isEqualTo(BundleCli.ERROR);
        assertThat(cli.err()).contains("dependency cycle a -> b -> c -> a");
        assertThat(cli.run("plan", "--variant", "cloud")).isEqualTo(BundleCli.ERROR);
        assertThat(cli.err()).contains("variant cloud is none of [bare-metal, generic, hosted]");
    }

    @Test
    void graphIsDotOfTheVariant() {
        assertThat(cli.run("graph", "--variant", "hosted")).isEqualTo(BundleCli.NO_CHANGE);
        assertThat(cli.out())
                .startsWith("digraph \"hearth 0.1.0\" {")
                .contains("\"cloudnative-pg\" -> \"cert-manager\";")
                .doesNotContain("kubevirt-operator");
    }
}
