package dev.hearth.core.testing.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.hearth.core.testing.TestKubernetes;

/**
 * Records the classes each service loads from its start until a few seconds after it is ready
 * ({@code -XX:DumpLoadedClassList}), against the test API server with every CRD installed: the list from which
 * scripts/images.sh dumps the class-data-sharing archive of the service's image (docs/operations.md "Start time").
 * Arguments: built jars, {@code <module>/target/quarkus-app/quarkus-run.jar}; each list goes to
 * {@code <module>/target/cds/classes.lst}.
 */
public final class StartupClassLists {
    /** After ready: the first reconciles and health answers load classes too. */
    private static final Duration AFTER_READY = Duration.ofSeconds(5);

    public static void main(String[] args) throws Exception {
        TestKubernetes kubernetes = TestKubernetes.shared().withHearthCrds().withAllUpstreamCrds();
        for (String jar : args) {
            Path path = Path.of(jar).toAbsolutePath();
            String service = ServiceProcess.moduleOf(path);
            Path list = path.getParent().getParent().resolve("cds/classes.lst");
            Files.createDirectories(list.getParent());
            Files.deleteIfExists(list);
            try (ServiceProcess process = ServiceProcess.start(
                    path,
                    kubernetes,
                    ServiceProcess.propertiesToBeReady(service),
                    List.of("-XX:DumpLoadedClassList=" + list))) {
                process.awaitReady(Duration.ofMinutes(2));
                Thread.sleep(AFTER_READY.toMillis());
            }
            System.out.printf(
                    "%s: %d classes in %s%n", service, Files.readAllLines(list).size(), list);
        }
        // the shared test API server's client threads are not daemons
        System.exit(0);
    }
}
