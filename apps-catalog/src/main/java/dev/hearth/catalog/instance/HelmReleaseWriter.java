package dev.hearth.catalog.instance;

import java.net.HttpURLConnection;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

/**
 * Writes HelmReleases under the service's field manager. A missing release is created with a plain create: a busy API
 * server creates an object in about half the time it applies one (docs/apps-catalog.md). A release that differs is
 * server-side applied. A create leaves its fields to the manager's "Update" entry, and an apply removes only fields
 * its "Apply" entry owns, so a value dropped from the instance would stay in the release; before the first apply the
 * Update entry therefore becomes the Apply entry, as when kubectl moves an object to server-side apply.
 */
final class HelmReleaseWriter {
    private static final String UPDATE = "Update";
    private static final String APPLY = "Apply";

    private final KubernetesClient client;

    HelmReleaseWriter(KubernetesClient client) {
        this.client = client;
    }

    /** Makes the release {@code desired}; {@code cached} is the release as last seen, null if none was. */
    GenericKubernetesResource write(GenericKubernetesResource desired, GenericKubernetesResource cached) {
        if (cached == null) {
            try {
                return client.resource(desired).create();
            } catch (KubernetesClientException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                    throw e;
                }
                // created meanwhile and not in the cache yet: applied below
            }
        }
        adoptCreatedFields(desired);
        return client.resource(desired)
                .fieldManager(ServiceUserAgent.FIELD_MANAGER)
                .forceConflicts()
                .serverSideApply();
    }

    private void adoptCreatedFields(GenericKubernetesResource desired) {
        GenericKubernetesResource live = client.resource(desired).get();
        if (live == null) {
            return;
        }
        List<ManagedFieldsEntry> entries = live.getMetadata().getManagedFields();
        for (int i = 0; i < entries.size(); i++) {
            ManagedFieldsEntry entry = entries.get(i);
            if (ServiceUserAgent.FIELD_MANAGER.equals(entry.getManager())
                    && UPDATE.equals(entry.getOperation())
                    && entry.getSubresource() == null) {
                String patch = client.getKubernetesSerialization()
                        .asJson(List.of(
                                Map.of(
                                        "op",
                                        "test",
                                        "path",
                                        "/metadata/resourceVersion",
                                        "value",
                                        live.getMetadata().getResourceVersion()),
                                Map.of(
                                        "op",
                                        "replace",
                                        "path",
                                        "/metadata/managedFields/" + i + "/operation",
                                        "value",
                                        APPLY)));
                client.resource(live).patch(PatchContext.of(PatchType.JSON), patch);
                return;
            }
        }
    }
}
