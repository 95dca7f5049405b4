package dev.hearth.vm;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

import dev.hearth.core.api.HearthStatus;
import dev.hearth.core.status.ReadyCondition;
import dev.hearth.core.testing.YamlFixtures;
import dev.hearth.core.upstream.Upstream;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;

/**
 * What the reconciler ITs share: the running operator's objects in a namespace the test class owns, created from YAML,
 * awaited, and edited as a user or KubeVirt/CDI would.
 */
public record OperatorFixture(KubernetesClient client, String namespace) {
    public static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** The field manager of vm-service, which its objects' managed-by label names. */
    public static final String FIELD_MANAGER = "hearth-vm-service";

    /** Creates the object of {@code yaml} in the namespace. */
    public <T extends HasMetadata> T create(String yaml, Class<T> type) {
        T object = YamlFixtures.parse(yaml, type);
        object.getMetadata().setNamespace(namespace);
        object.getMetadata().setUid(null);
        return client.resource(object).create();
    }

    /** The Ready condition the operator wrote; fails (for awaitility to retry) while there is none. */
    public <S extends HearthStatus> Condition ready(CustomResource<?, S> resource) {
        CustomResource<?, S> live = client.resource(resource).get();
        return ReadyCondition.find(live.getStatus() == null ? null : live.getStatus().conditions, ReadyCondition.TYPE)
                .orElseThrow();
    }

    /** A KubeVirt or CDI object of the namespace, named by its kit class. */
    public Resource<GenericKubernetesResource> upstream(Class<? extends GenericKubernetesResource> kind, String name) {
        return client.genericKubernetesResources(Upstream.apiVersion(kind), Upstream.kind(kind))
                .inNamespace(namespace)
                .withName(name);
    }

    public GenericKubernetesResource awaitExisting(Resource<GenericKubernetesResource> object) {
        return await().atMost(TIMEOUT).ignoreExceptions().until(object::get, o -> o != null);
    }

    /** Writes an upstream object's status through its status subresource, as its controller does. */
    public void setStatus(Resource<GenericKubernetesResource> object, Map<String, Object> status) {
        retryOnConflict(() -> object.editStatus(o -> {
            o.setAdditionalProperty("status", status);
            return o;
        }));
    }

    /** A user's read-modify-write edit of a resource of the namespace. */
    public <T extends HasMetadata> void edit(Class<T> type, String name, Consumer<T> change) {
        retryOnConflict(() -> client.resources(type)
                .inNamespace(namespace)
                .withName(name)
                .edit(o -> {
                    change.accept(o);
                    return o;
                }));
    }

    /** Runs a read-modify-write edit again when the operator's status write won the race (409 Conflict). */
    private static void retryOnConflict(Runnable edit) {
        for (int attempt = 1; ; attempt++) {
            try {
                edit.run();
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409 || attempt == 5) {
                    throw e;
                }
            }
        }
    }
}
