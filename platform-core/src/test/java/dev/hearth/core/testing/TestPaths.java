package dev.hearth.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where tests find their data. Maven passes the paths as system properties (root {@code pom.xml}); the fallbacks
 * serve a test started from an IDE inside a module.
 */
public final class TestPaths {
    private TestPaths() {}

    /** Copies the directory {@code from} with everything below it to {@code to} (e.g. a chart, to change a copy). */
    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    /** Kubernetes version of the test API server (root pom property {@code hearth.kubernetes.version}). */
    public static String kubernetesVersion() {
        return System.getProperty("hearth.kubernetes.version", "1.35.4");
    }

    /** Hearth's generated CRDs: {@code deploy/charts/hearth/crds}. */
    public static Path hearthCrds() {
        return existing("hearth.crds", "deploy/charts/hearth/crds");
    }

    /**
     * The upstream CRDs that {@code scripts/upstream-crds.sh} materialises: {@code <group>/<plural>.yaml} under
     * {@code ${HEARTH_CACHE:-~/.cache/hearth}/upstream-crds}.
     */
    public static Path upstreamCrds() {
        return cached("hearth.upstream-crds", "upstream-crds", "upstream CRDs", "scripts/upstream-crds.sh");
    }

    /**
     * The upstream addon charts of tenant clusters that {@code scripts/addon-charts.sh} materialises: a chart folder
     * each under {@code ${HEARTH_CACHE:-~/.cache/hearth}/addon-charts}.
     */
    public static Path upstreamAddonCharts() {
        return cached("hearth.addon-charts", "addon-charts", "upstream addon charts", "scripts/addon-charts.sh");
    }

    /** A folder one of the scripts fills in Hearth's cache: the system property {@code property}, else the cache's. */
    private static Path cached(String property, String folder, String what, String script) {
        String configured = System.getProperty(property);
        Path path;
        if (configured != null) {
            path = Path.of(configured).normalize();
        } else {
            String cache = System.getenv("HEARTH_CACHE");
            path = (cache != null && !cache.isBlank()
                            ? Path.of(cache)
                            : Path.of(System.getProperty("user.home"), ".cache", "hearth"))
                    .resolve(folder);
        }
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("No " + what + " in " + path + ": run " + script
                    + (configured != null ? " (or point the system property " + property + " elsewhere)" : ""));
        }
        return path;
    }

    /**
     * Where the test API server writes its audit log: {@code target/kube-audit-<pid>.log} of the module under test
     * (the working directory Maven gives its test JVM), or the system property {@code hearth.audit-log}.
     */
    public static Path auditLog() {
        String configured = System.getProperty("hearth.audit-log");
        Path path = configured != null
                ? Path.of(configured)
                : Path.of("target", "kube-audit-" + ProcessHandle.current().pid() + ".log");
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return path.toAbsolutePath();
    }

    /** The JVM options of the services: {@code deploy/service-jvm.options} (read by {@link ServiceJvmOptions}). */
    public static Path serviceJvmOptions() {
        return existing("hearth.deploy", "deploy").resolve("service-jvm.options");
    }

    /** The example resources of the documentation: {@code docs/examples}. */
    public static Path examples() {
        return existing("hearth.examples", "docs/examples");
    }

    /** The realm Hearth ships for Keycloak: {@code deploy/keycloak/hearth-realm.json}. */
    public static Path keycloakRealm() {
        return existing("hearth.keycloak-dir", "deploy/keycloak").resolve("hearth-realm.json");
    }

    /** The pins of {@code scripts/keycloak.sh}: {@code tools/keycloak/keycloak.properties}. */
    public static Path keycloakPins() {
        return existing("hearth.keycloak-tools", "tools/keycloak").resolve("keycloak.properties");
    }

    /** {@code ${HEARTH_CACHE:-~/.cache/hearth}}: where the scripts cache what they fetch or build. */
    public static Path cache() {
        String cache = System.getenv("HEARTH_CACHE");
        return cache != null && !cache.isBlank()
                ? Path.of(cache)
                : Path.of(System.getProperty("user.home"), ".cache", "hearth");
    }

    /** The CRD files of a folder, in name order. */
    public static List<Path> crdFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(
                            f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path existing(String property, String fromRoot) {
        String configured = System.getProperty(property);
        if (configured != null) {
            Path path = Path.of(configured).normalize();
            if (Files.isDirectory(path)) {
                return path;
            }
            throw new IllegalStateException(property + " points at " + path + ", which does not exist");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("platform-core")) && Files.isDirectory(dir.resolve(fromRoot))) {
                return dir.resolve(fromRoot).normalize();
            }
        }
        throw new IllegalStateException("Cannot find " + fromRoot + " above "
                + Path.of("").toAbsolutePath() + "; set the system property " + property);
    }
}
