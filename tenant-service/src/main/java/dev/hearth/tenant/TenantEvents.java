package dev.hearth.tenant;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.hearth.core.api.tenant.Tenant;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/** Kubernetes Events on a Tenant, so {@code kubectl describe tenant} tells what the service did and why. */
@ApplicationScoped
public class TenantEvents {
    private static final Logger LOG = Logger.getLogger(TenantEvents.class);

    @Inject
    KubernetesClient client;

    public void normal(Tenant tenant, String reason, String message) {
        record(tenant, "Normal", reason, message);
    }

    public void warning(Tenant tenant, String reason, String message) {
        record(tenant, "Warning", reason, message);
    }

    private void record(Tenant tenant, String type, String reason, String message) {
        String now = Instant.now().toString();
        var event = new EventBuilder()
                .withNewMetadata()
                .withName(tenant.getMetadata().getName() + "."
                        + UUID.randomUUID().toString().substring(0, 8))
                .withNamespace(tenant.getMetadata().getNamespace())
                .endMetadata()
                .withNewInvolvedObject()
                .withApiVersion(tenant.getApiVersion())
                .withKind(tenant.getKind())
                .withName(tenant.getMetadata().getName())
                .withNamespace(tenant.getMetadata().getNamespace())
                .withUid(tenant.getMetadata().getUid())
                .endInvolvedObject()
                .withType(type)
                .withReason(reason)
                .withMessage(message)
                .withFirstTimestamp(now)
                .withLastTimestamp(now)
                .withCount(1)
                .withNewSource()
                .withComponent(ServerSideApply.FIELD_MANAGER)
                .endSource()
                .build();
        try {
            client.v1()
                    .events()
                    .inNamespace(tenant.getMetadata().getNamespace())
                    .resource(event)
                    .create();
        } catch (KubernetesClientException e) {
            // an event is a courtesy: failing to write one must not fail the reconcile
            LOG.debugf(
                    "Cannot record event %s on Tenant %s: %s",
                    reason, tenant.getMetadata().getName(), e.getMessage());
        }
    }
}
