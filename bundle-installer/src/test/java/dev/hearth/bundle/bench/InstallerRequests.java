package dev.hearth.bundle.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.hearth.bundle.render.BundleLabels;
import dev.hearth.core.testing.AuditLog;

/**
 * What the installer (its ServiceAccount) asked the API server, from the audit log, from a mark on: the writes,
 * the objects they wrote and the passes (one read of {@code /version} each).
 */
final class InstallerRequests {
    private static final String USER = "system:serviceaccount:" + BundleLabels.NAMESPACE + ":bundle-installer";
    private static final Set<String> WRITES = Set.of("create", "update", "patch", "delete");
    // the leader's lease is renewed every few seconds whatever the reconciler does: counted apart
    private static final String LEASES = "leases";

    private final Path log;
    private final int from;

    private InstallerRequests(Path log, int from) {
        this.log = log;
        this.from = from;
    }

    /** The requests from now on. */
    static InstallerRequests from(Path log) {
        return new InstallerRequests(log, AuditLog.read(log).size());
    }

    private List<AuditLog.Request> all() {
        List<AuditLog.Request> all = AuditLog.read(log);
        return all.subList(from, all.size()).stream()
                .filter(r -> r.user().equals(USER))
                .toList();
    }

    /** The requests but the lease's. */
    List<AuditLog.Request> requests() {
        return all().stream().filter(r -> !LEASES.equals(r.resource())).toList();
    }

    /** The writes but the lease's, counted per {@code verb resource[/subresource]}. */
    Map<String, Long> writes() {
        return count(requests().stream()
                .filter(r -> WRITES.contains(r.verb()))
                .map(r -> r.verb() + " " + r.resource() + (r.subresource().isEmpty() ? "" : "/" + r.subresource())));
    }

    /** The lease's requests, counted per verb. */
    Map<String, Long> leaseRequests() {
        return count(all().stream().filter(r -> LEASES.equals(r.resource())).map(AuditLog.Request::verb));
    }

    /** The objects created or patched (not their status, not Events), counted per resource. */
    Map<String, Long> objectsWritten() {
        return count(requests().stream()
                .filter(r -> Set.of("create", "patch", "update").contains(r.verb())
                        && r.subresource().isEmpty()
                        && !"events".equals(r.resource()))
                .map(r -> r.resource() + " " + r.namespace() + "/" + r.name())
                .distinct()
                .map(object -> object.substring(0, object.indexOf(' '))));
    }

    /**
     * The reconciler's passes: each reads the API server's {@code /version} once (a request naming no resource; the
     * releases, sources and namespaces come from its informers). The readiness check reads it too, but nothing probes
     * the process once it started.
     */
    long passes() {
        return requests().stream()
                .filter(r -> "get".equals(r.verb()) && r.resource().isEmpty())
                .count();
    }

    private static Map<String, Long> count(Stream<String> keys) {
        return keys.collect(Collectors.groupingBy(k -> k, TreeMap::new, Collectors.counting()));
    }
}
