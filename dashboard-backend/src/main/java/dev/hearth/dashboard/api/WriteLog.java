package dev.hearth.dashboard.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hearth.dashboard.identity.Caller;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * One structured line per write: who (the impersonated user), what (verb, kind, name, dry run), where (namespace) and
 * the result (HTTP status and, for a refusal, the API server's message). Logger {@code hearth.dashboard.writes}.
 */
public final class WriteLog {
    private static final Logger LOG = Logger.getLogger("hearth.dashboard.writes");
    private static final ObjectMapper JSON = new ObjectMapper();

    private WriteLog() {}

    /** Runs {@code write} and logs its result, a refusal included. */
    public static Response logged(
            Caller caller,
            String verb,
            String namespace,
            String plural,
            String name,
            boolean dryRun,
            Supplier<Response> write) {
        try {
            Response response = write.get();
            write(caller, verb, namespace, plural, name, dryRun, response.getStatus(), null);
            return response;
        } catch (KubernetesClientException e) {
            write(caller, verb, namespace, plural, name, dryRun, e.getCode(), ApiErrors.messageOf(e));
            throw e;
        } catch (WebApplicationException e) {
            write(caller, verb, namespace, plural, name, dryRun, e.getResponse().getStatus(), e.getMessage());
            throw e;
        }
    }

    public static void write(
            Caller caller,
            String verb,
            String namespace,
            String plural,
            String name,
            boolean dryRun,
            int status,
            String message) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("user", caller.kubernetesUsername());
        line.put("groups", caller.kubernetesGroups());
        line.put("verb", verb);
        line.put("namespace", namespace);
        line.put("resource", plural);
        line.put("name", name);
        line.put("dryRun", dryRun);
        line.put("status", status);
        if (message != null) {
            line.put("message", message);
        }
        try {
            LOG.info(JSON.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            LOG.info(line.toString());
        }
    }
}
