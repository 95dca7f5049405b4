package dev.hearth.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flux's source-controller and helm-controller as local processes, out of cluster, against the test API server: what
 * turns a {@code HelmRelease} into real objects. Started by {@link TestKubernetes#withFlux}.
 *
 * <p>Binaries and the CRDs of their release come from
 * {@code ${KUBE_API_TEST_DIR:-~/.kubeapitest}/flux/<controller>-<version>/}, built by {@code scripts/test-binaries.sh};
 * the versions are those pinned in {@code tools/flux-binaries/<controller>/go.mod}. A missing binary fails the test.
 *
 * <p>Flags: those of Flux's own deployment ({@code --watch-all-namespaces}, info logs as JSON) with leader election
 * off, every listener (artifact server, metrics, health) on a free port of 127.0.0.1, artifacts in a temporary folder,
 * and no events receiver (no notification-controller runs). Logs go to {@code <logDir>/<controller>.log}.
 */
public final class FluxControllers {
    public static final String SOURCE_CONTROLLER = "source-controller";
    public static final String HELM_CONTROLLER = "helm-controller";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    /**
     * @param defaultServiceAccount helm-controller's {@code --default-service-account} (the account a HelmRelease
     *                              without {@code spec.serviceAccountName} is applied as); null: off, helm-controller
     *                              applies with its own (admin) credentials
     * @param logDir                where the controllers' logs go
     */
    public record Options(String defaultServiceAccount, Path logDir) {
        public static Options defaults() {
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            return new Options(null, Path.of("target", "flux", stamp).toAbsolutePath());
        }

        public Options withDefaultServiceAccount(String account) {
            return new Options(account, logDir);
        }

        public Options withLogDir(Path dir) {
            return new Options(defaultServiceAccount, dir);
        }
    }

    /** One running controller. */
    public record Controller(String name, Process process, Path log, int healthPort, int metricsPort) {}

    private final Options options;
    private final Path work;
    private final Path storage;
    private final int storagePort;
    private final List<Controller> controllers = new ArrayList<>();

    private FluxControllers(Options options, Path work, int storagePort) {
        this.options = options;
        this.work = work;
        this.storage = work.resolve("artifacts");
        this.storagePort = storagePort;
    }

    /**
     * Starts both controllers against the API server of {@code kubeconfig} and waits until each reports ready. The Flux
     * CRDs must be installed first (the controllers exit when a kind they watch is not served).
     */
    static FluxControllers start(Path fluxDir, Path kubeconfig, Options options) {
        Path source = binary(fluxDir, SOURCE_CONTROLLER);
        Path helm = binary(fluxDir, HELM_CONTROLLER);
        try {
            Files.createDirectories(options.logDir());
            FluxControllers flux =
                    new FluxControllers(options, Files.createTempDirectory("hearth-flux"), LoopbackPorts.free());
            try {
                Files.createDirectories(flux.storage);
                Files.createDirectories(flux.work.resolve("home"));
                String storageAddress = "127.0.0.1:" + flux.storagePort;
                flux.launch(
                        SOURCE_CONTROLLER,
                        source,
                        kubeconfig,
                        List.of(
                                "--storage-path=" + flux.storage,
                                "--storage-addr=" + storageAddress,
                                // the address in the artifacts' URLs, which helm-controller downloads
                                "--storage-adv-addr=" + storageAddress));
                List<String> helmFlags = new ArrayList<>();
                if (options.defaultServiceAccount() != null) {
                    helmFlags.add("--default-service-account=" + options.defaultServiceAccount());
                }
                flux.launch(HELM_CONTROLLER, helm, kubeconfig, helmFlags);
                for (Controller controller : flux.controllers) {
                    flux.awaitReady(controller);
                }
                return flux;
            } catch (RuntimeException e) {
                flux.stop();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Flux controllers", e);
        }
    }

    /** The Flux folder holding {@code <controller>-<version>/} (binary and {@code crds/}) for the pinned version. */
    static Path controllerDir(Path fluxDir, String controller) {
        return fluxDir.resolve(controller + "-" + pinnedVersion(controller));
    }

    /** The version of {@code tools/flux-binaries/<controller>/go.mod} (the one source of the versions). */
    public static String pinnedVersion(String controller) {
        Path goMod = null;
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate =
                    dir.resolve("tools/flux-binaries").resolve(controller).resolve("go.mod");
            if (Files.isRegularFile(candidate)) {
                goMod = candidate;
                break;
            }
        }
        if (goMod == null) {
            throw new IllegalStateException("Cannot find tools/flux-binaries/" + controller + "/go.mod above "
                    + Path.of("").toAbsolutePath() + ": the Flux versions are pinned there");
        }
        try {
            Matcher m = Pattern.compile("(?m)^require github\\.com/fluxcd/" + Pattern.quote(controller) + " v(\\S+)$")
                    .matcher(Files.readString(goMod));
            if (!m.find()) {
                throw new IllegalStateException(
                        goMod + " does not require github.com/fluxcd/" + controller + " on one line");
            }
            return m.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path binary(Path fluxDir, String controller) {
        Path binary = controllerDir(fluxDir, controller).resolve(controller);
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException(controller + " not found at " + binary + ": run scripts/test-binaries.sh");
        }
        return binary;
    }

    private void launch(String name, Path binary, Path kubeconfig, List<String> extraFlags) throws IOException {
        int health = LoopbackPorts.free();
        int metrics = LoopbackPorts.free();
        List<String> command = new ArrayList<>(List.of(
                binary.toString(),
                "--watch-all-namespaces=true",
                "--enable-leader-election=false",
                "--log-level=info",
                "--log-encoding=json",
                "--events-addr=",
                "--metrics-addr=127.0.0.1:" + metrics,
                "--health-addr=127.0.0.1:" + health));
        command.addAll(extraFlags);
        Path log = options.logDir().resolve(name + ".log");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // out of cluster: controller-runtime reads KUBECONFIG; RUNTIME_NAMESPACE names the controller's own namespace
        builder.environment().put("KUBECONFIG", kubeconfig.toString());
        builder.environment().put("RUNTIME_NAMESPACE", "flux-system");
        builder.environment().put("TUF_ROOT", work.resolve("sigstore").toString());
        builder.environment().put("HOME", work.resolve("home").toString());
        controllers.add(new Controller(name, builder.start(), log, health, metrics));
        System.out.println(name + " started: " + String.join(" ", command) + "\n  log: " + log);
    }

    private void awaitReady(Controller controller) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest readyz = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + controller.healthPort() + "/readyz"))
                .timeout(Duration.ofSeconds(2))
                .build();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!controller.process().isAlive()) {
                throw new IllegalStateException(controller.name() + " exited with "
                        + controller.process().exitValue() + "; log " + controller.log() + ":\n"
                        + tail(controller.log()));
            }
            try {
                if (http.send(readyz, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        throw new IllegalStateException(controller.name() + " not ready after " + READY_TIMEOUT + "; log "
                + controller.log() + ":\n" + tail(controller.log()));
    }

    public List<Controller> controllers() {
        return List.copyOf(controllers);
    }

    public Options options() {
        return options;
    }

    /** Base URL of source-controller's artifact server. */
    public String artifactServer() {
        return "http://127.0.0.1:" + storagePort + "/";
    }

    public boolean running() {
        return !controllers.isEmpty()
                && controllers.stream().allMatch(c -> c.process().isAlive());
    }

    /** Stops the controllers: SIGTERM, then SIGKILL after 5 s. The artifacts are deleted; the logs stay. */
    public void stop() {
        controllers.forEach(c -> c.process().destroy());
        for (Controller c : controllers) {
            try {
                if (!c.process().waitFor(5, TimeUnit.SECONDS)) {
                    c.process().destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                c.process().destroyForcibly();
            }
        }
        deleteRecursively(work);
    }

    /** The last lines of every controller's log, for a failed test's message. */
    public String logTails() {
        StringBuilder out = new StringBuilder();
        for (Controller c : controllers) {
            out.append("--- ")
                    .append(c.name())
                    .append(" (")
                    .append(c.log())
                    .append(")\n")
                    .append(tail(c.log()))
                    .append('\n');
        }
        return out.toString();
    }

    public static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder: best effort
        }
    }
}
