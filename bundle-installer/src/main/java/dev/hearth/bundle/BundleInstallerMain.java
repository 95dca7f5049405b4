package dev.hearth.bundle;

import java.util.List;

import dev.hearth.bundle.cli.BundleCli;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/** The service, or with a first argument of {@link BundleCli#COMMANDS} the command line (offline, or against the kubeconfig's cluster). */
@QuarkusMain
public class BundleInstallerMain {
    public static void main(String... args) {
        if (args.length > 0 && BundleCli.COMMANDS.contains(args[0])) {
            System.exit(BundleCli.run(List.of(args), System.out, System.err));
        }
        Quarkus.run(args);
    }
}
