package dev.hearth.vm;

import jakarta.enterprise.context.ApplicationScoped;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;

/** The one place that writes derived objects: server-side apply under the field manager of this service. */
@ApplicationScoped
public class ServerSideApply {
    public static final String FIELD_MANAGER = "hearth-vm-service";

    private final KubernetesClient client;

    public ServerSideApply(KubernetesClient client) {
        this.client = client;
    }

    public <T extends HasMetadata> T apply(T desired) {
        return client.resource(desired)
                .fieldManager(FIELD_MANAGER)
                .forceConflicts()
                .serverSideApply();
    }

    /** Deletes an object this service created and no longer wants; absent objects are fine. */
    public void delete(HasMetadata unwanted) {
        client.resource(unwanted).delete();
    }
}
