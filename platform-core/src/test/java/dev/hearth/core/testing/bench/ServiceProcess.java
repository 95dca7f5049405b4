package dev.hearth.core.testing.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

import dev.hearth.core.testing.LoopbackPorts;
import dev.hearth.core.testing.PlatformChart;
import dev.hearth.core.testing.ServiceJvmOptions;
import dev.hearth.core.testing.TestKeycloak;
import dev.hearth.core.testing.TestKubernetes;

/**
 * A Hearth service started from its built {@code quarkus-run.jar} as its own process against the test API server, so
 * that a benchmark measures the service as deployed (its own JVM, heap and RSS), not a copy inside the benchmark.
 */
public final class ServiceProcess implements AutoCloseable {
    private static final String LEASE_NAMESPACE = "hearth.leader-election.lease-namespace";
    private final Process process;
    private final int port;
    private final Path log;

    private final long startedAt;
    private final List<String> jvmOptions;

    private ServiceProcess(Process process, int port, Path log, long startedAt, List<String> jvmOptions) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.startedAt = startedAt;
        this.jvmOptions = jvmOptions;
    }

    /**
     * Starts {@code jar} with its service's JVM options (deploy/service-jvm.options, as the chart runs it), the
     * {@code -D} properties given and the client settings of {@code kubernetes}.
     */
    public static ServiceProcess start(Path jar, TestKubernetes kubernetes, List<String> properties)
            throws IOException {
        return start(Launch.ofJar(jar, List.of()), kubernetes.quarkusClientProperties(), "default", properties);
    }

    /** As {@link #start(Path, TestKubernetes, List)}, with {@code jvmOptions} after the service's own. */
    public static ServiceProcess start(
            Path jar, TestKubernetes kubernetes, List<String> properties, List<String> jvmOptions) throws IOException {
        return start(Launch.ofJar(jar, jvmOptions), kubernetes.quarkusClientProperties(), "default", properties);
    }

    /**
     * Starts the service of an image unpacked by {@link ServiceImage}, as its container would run: the image's java,
     * entrypoint, working directory and environment (its JVM options in {@code JAVA_TOOL_OPTIONS}).
     */
    public static ServiceProcess start(ServiceImage image, TestKubernetes kubernetes, List<String> properties)
            throws IOException {
        return start(Launch.ofImage(image), kubernetes.quarkusClientProperties(), "default", properties);
    }

    /**
     * Starts {@code jar} as {@link #start(Path, TestKubernetes, List)} does, but acting as its service's ServiceAccount with the rights the
     * platform chart gives it ({@link TestKubernetes#quarkusClientPropertiesAs}), its lease in the chart's namespace:
     * the API server's audit log ({@link dev.hearth.core.testing.AuditLog}) then holds every request it makes, for a
     * benchmark to count.
     */
    public static ServiceProcess startAsServiceAccount(Path jar, TestKubernetes kubernetes, List<String> properties)
            throws IOException {
        Map<String, String> client = new LinkedHashMap<>(kubernetes.quarkusClientPropertiesAs(moduleOf(jar)));
        // no client certificate from a kubeconfig: with one, the API server would take the service for the admin
        client.put("kubernetes.auth.tryKubeConfig", "false");
        return start(Launch.ofJar(jar, List.of()), client, PlatformChart.NAMESPACE, properties);
    }

    /**
     * How a service's JVM starts: a built jar with the machine's java and the service's options on its command line,
     * or an image's java, entrypoint and environment (the options in {@code JAVA_TOOL_OPTIONS}) in its working
     * directory.
     *
     * @param directory          the working directory; null for this JVM's
     * @param commandLineOptions the JVM options given on the command line
     * @param jvmOptions         every JVM option the service runs with, to print
     */
    private record Launch(
            String module,
            String java,
            Path directory,
            Map<String, String> environment,
            List<String> commandLineOptions,
            List<String> jvmOptions,
            List<String> application) {
        static Launch ofJar(Path jar, List<String> extraJvmOptions) {
            List<String> options = new ArrayList<>(ServiceJvmOptions.of(moduleOf(jar)));
            options.addAll(extraJvmOptions);
            // as the chart runs it: glibc's arenas per thread would otherwise hold tens of MB the JVM never uses
            return new Launch(
                    moduleOf(jar),
                    "java",
                    null,
                    Map.of("MALLOC_ARENA_MAX", "2"),
                    options,
                    options,
                    List.of("-jar", jar.toString()));
        }

        static Launch ofImage(ServiceImage image) {
            List<String> entrypoint = image.entrypoint();
            return new Launch(
                    image.module(),
                    image.root().resolve(entrypoint.get(0).substring(1)).toString(),
                    image.workingDirectory(),
                    image.environment(),
                    List.of(),
                    List.of(image.environment()
                            .getOrDefault("JAVA_TOOL_OPTIONS", "")
                            .split("\\s+")),
                    entrypoint.subList(1, entrypoint.size()));
        }
    }

    private static ServiceProcess start(
            Launch launch, Map<String, String> clientProperties, String leaseNamespace, List<String> properties)
            throws IOException {
        int port = LoopbackPorts.free();
        List<String> command = new ArrayList<>(List.of(launch.java()));
        command.addAll(launch.commandLineOptions());
        if (nativeMemoryTracking()) {
            command.add("-XX:NativeMemoryTracking=summary");
        }
        // e.g. -XX:StartFlightRecording=filename=/tmp/{module}.jfr or -Xlog:gc:file=/tmp/gc.log, to see where time
        // goes;
        // {module} is the service's name, so that two services of one benchmark do not write the same file
        command.addAll(options(
                System.getenv().getOrDefault("HEARTH_BENCH_JVM_OPTS", "").replace("{module}", launch.module())));
        clientProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        // the jar runs in the prod profile, where leader election is on: its Lease there unless told otherwise
        if (properties.stream().noneMatch(p -> p.startsWith(LEASE_NAMESPACE + "="))) {
            command.add("-D" + LEASE_NAMESPACE + "=" + leaseNamespace);
        }
        properties.forEach(p -> command.add("-D" + p));
        command.add("-Dquarkus.http.port=" + port);
        command.addAll(launch.application());
        Path log = Files.createTempFile(launch.module() + "-bench", ".log");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        if (launch.directory() != null) {
            builder.directory(launch.directory().toFile());
        }
        builder.environment().putAll(launch.environment());
        long startedAt = System.nanoTime();
        return new ServiceProcess(builder.start(), port, log, startedAt, launch.jvmOptions());
    }

    /**
     * The {@code -D} properties {@code service} needs to become ready beside the test API server: dashboard-backend
     * is ready only with its realm's keys loaded, so it gets the test Keycloak.
     */
    public static List<String> propertiesToBeReady(String service) {
        return service.equals("dashboard-backend")
                ? List.of(
                        "quarkus.oidc.auth-server-url=" + TestKeycloak.shared().issuer())
                : List.of();
    }

    /** The module a built jar belongs to: {@code <module>/target/quarkus-app/quarkus-run.jar}. */
    public static String moduleOf(Path jar) {
        return jar.toAbsolutePath()
                .getParent()
                .getParent()
                .getParent()
                .getFileName()
                .toString();
    }

    /** The loopback HTTP port the service listens on. */
    public int port() {
        return port;
    }

    /** The JVM's process id. */
    public long pid() {
        return process.pid();
    }

    /** Ends the service at once, as a node failure or an OOM kill would: no shutdown hook, the lease is not released. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /**
     * The built {@code quarkus-run.jar} of the repository's module {@code module} (e.g. {@code tenant-service}), for a
     * test that runs it beside the service under test; its build must have packaged it (modules build in the root
     * pom's order, so a later module may run an earlier one's jar).
     */
    public static Path builtJar(String module) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("platform-core")) && Files.isDirectory(dir.resolve(module))) {
                Path jar = dir.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
                if (!Files.isRegularFile(jar)) {
                    throw new IllegalStateException(
                            "No " + jar + ": package " + module + " first, e.g. ./mvnw verify -pl " + "platform-core,"
                                    + module + ",<this module> (Maven builds the modules in the root pom's order)");
                }
                return jar;
            }
        }
        throw new IllegalStateException(
                "Cannot find the module " + module + " above " + Path.of("").toAbsolutePath());
    }

    /** Asks the service to stop (SIGTERM, as Kubernetes does first) without waiting: see {@link #awaitExit}. */
    public void terminate() {
        process.destroy();
    }

    /** Waits up to {@code timeout} for the service to end; its exit code, or empty while it still runs. */
    public OptionalInt awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                ? OptionalInt.of(process.exitValue())
                : OptionalInt.empty();
    }

    /** The service's JVM options it was started with (deploy/service-jvm.options), for a benchmark to print. */
    public String jvmOptions() {
        return String.join(" ", jvmOptions);
    }

    public Path log() {
        return log;
    }

    /** Time since the process was started. */
    public Duration sinceStart() {
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    /** Waits until the service's readiness probe answers UP (API server reachable, informers synced). */
    public void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep polling
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("The service was not ready within " + timeout + "; see " + log);
    }

    /** Resident set size of the service's JVM, in MiB, from /proc; with HEARTH_BENCH_NMT=1, prints where it goes too. */
    public long rssMiB() throws IOException, InterruptedException {
        if (nativeMemoryTracking()) {
            new ProcessBuilder("jcmd", String.valueOf(process.pid()), "VM.native_memory", "summary")
                    .inheritIO()
                    .start()
                    .waitFor();
        }
        return rssMiB(process.pid());
    }

    /** Resident set size of process {@code pid} (e.g. a Flux controller beside the service), in MiB, from /proc. */
    public static long rssMiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        throw new IllegalStateException("No VmRSS for process " + pid);
    }

    /** CPU time (user + system) the service's JVM has used so far, in seconds. */
    public double cpuSeconds() throws IOException {
        return cpuSeconds(process.pid());
    }

    /** CPU time used so far by every process whose command name is {@code name} (e.g. kube-apiserver, etcd), in seconds. */
    public static double cpuSecondsOf(String name) throws IOException {
        double total = 0;
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path dir : processes
                    .filter(p -> p.getFileName().toString().matches("[0-9]+"))
                    .toList()) {
                try {
                    if (name.equals(Files.readString(dir.resolve("comm")).trim())) {
                        total += cpuSeconds(Long.parseLong(dir.getFileName().toString()));
                    }
                } catch (IOException gone) {
                    // the process ended meanwhile
                }
            }
        }
        return total;
    }

    /** CPU time (user + system) process {@code pid} has used so far, in seconds, from /proc. */
    public static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        // fields after the command name, which may contain spaces: utime and stime are the 12th and 13th
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    /** Stops the service: SIGTERM, then SIGKILL after 15 s (or at once if this thread is interrupted meanwhile). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> options(String line) {
        return line.isBlank() ? List.of() : List.of(line.trim().split("\\s+"));
    }

    private static boolean nativeMemoryTracking() {
        return "1".equals(System.getenv("HEARTH_BENCH_NMT"));
    }
}
