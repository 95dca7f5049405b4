package dev.hearth.tenant;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;

/** The one way tenant-service writes objects: server-side apply under a single field manager. */
public final class ServerSideApply {
    public static final String FIELD_MANAGER = "hearth-tenant-service";

    private ServerSideApply() {}

    public static <T extends HasMetadata> T apply(KubernetesClient client, T desired) {
        // forced: the service owns these fields; a hand edit is overwritten, not merged
        return client.resource(desired)
                .fieldManager(FIELD_MANAGER)
                .forceConflicts()
                .serverSideApply();
    }
}
