package dev.hearth.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The test API server's audit log: what each ServiceAccount asked the API server to do, and whether it was allowed.
 * Only requests of ServiceAccounts are logged (at {@code Metadata} level, once per request when it completes), so the
 * log stays small whatever the admin client of the tests does.
 */
public final class AuditLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String POLICY_ALL = System.getProperty("hearth.audit-all", "false");

    private AuditLog() {}

    /**
     * One request: who, which verb on which resource, and the authorizer's decision.
     *
     * @param impersonatedUser the user {@code user} acted as (Impersonate-User), empty when none: the authorizer's
     *     decision is then about that user, and {@code user} used its right to impersonate
     * @param impersonatedGroups the groups it acted as, empty when none
     */
    public record Request(
            String user,
            String impersonatedUser,
            List<String> impersonatedGroups,
            String userAgent,
            String verb,
            String group,
            String resource,
            String subresource,
            String namespace,
            String name,
            String decision,
            int code) {
        /** Refused by the authorizer, or by RBAC's own check that a Role grants nothing its writer lacks. */
        public boolean refused() {
            return "forbid".equals(decision) || code == 403;
        }
    }

    static Path writePolicy() {
        String groups = Boolean.parseBoolean(POLICY_ALL) ? "" : """
                    userGroups: ["system:serviceaccounts"]
                """;
        String policy = """
                apiVersion: audit.k8s.io/v1
                kind: Policy
                omitStages: ["RequestReceived", "ResponseStarted"]
                rules:
                  - level: Metadata
                %s  - level: None
                """.formatted(groups);
        try {
            Path file = Files.createTempFile("hearth-audit-policy", ".yaml");
            Files.writeString(file, policy);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every request in the log file, in order. */
    public static List<Request> read(Path log) {
        if (!Files.exists(log)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(line -> !line.isBlank()).map(AuditLog::request).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Request request(String line) {
        try {
            JsonNode event = JSON.readTree(line);
            JsonNode ref = event.path("objectRef");
            JsonNode annotations = event.path("annotations");
            return new Request(
                    event.path("user").path("username").asText(),
                    event.path("impersonatedUser").path("username").asText(""),
                    StreamSupport.stream(
                                    event.path("impersonatedUser")
                                            .path("groups")
                                            .spliterator(),
                                    false)
                            .map(JsonNode::asText)
                            .toList(),
                    event.path("userAgent").asText(),
                    event.path("verb").asText(),
                    ref.path("apiGroup").asText(""),
                    ref.path("resource").asText(""),
                    ref.path("subresource").asText(""),
                    ref.path("namespace").asText(""),
                    ref.path("name").asText(""),
                    annotations.path("authorization.k8s.io/decision").asText(""),
                    event.path("responseStatus").path("code").asInt(0));
        } catch (IOException e) {
            throw new UncheckedIOException("Not an audit event: " + line, e);
        }
    }
}
