package dev.hearth.core.events;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.hearth.core.api.HearthStatus;
import dev.hearth.core.kube.ServerSideApply;
import dev.hearth.core.status.ReadyCondition;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Kubernetes Events on a resource, so that {@code kubectl describe} tells what the service did and why. The source
 * component is the service's field manager. An event is a courtesy: failing to write one never fails a reconcile.
 */
@Singleton
public class EventRecorder {
    private static final Logger LOG = Logger.getLogger(EventRecorder.class);
    public static final String NORMAL = "Normal";
    public static final String WARNING = "Warning";

    private final ServerSideApply apply;

    public EventRecorder(ServerSideApply apply) {
        this.apply = apply;
    }

    public void normal(HasMetadata involved, String reason, String message) {
        record(involved, NORMAL, reason, message);
    }

    public void warning(HasMetadata involved, String reason, String message) {
        record(involved, WARNING, reason, message);
    }

    /**
     * An event when the Ready condition's reason changed from {@code before} to {@code after}: Normal when it is
     * True, Warning otherwise.
     */
    public void readyTransition(HasMetadata involved, HearthStatus before, HearthStatus after) {
        Optional<Condition> now =
                after == null ? Optional.empty() : ReadyCondition.find(after.conditions, ReadyCondition.TYPE);
        if (now.isEmpty()) {
            return;
        }
        String previousReason = before == null
                ? null
                : ReadyCondition.find(before.conditions, ReadyCondition.TYPE)
                        .map(Condition::getReason)
                        .orElse(null);
        if (!Objects.equals(previousReason, now.get().getReason())) {
            record(
                    involved,
                    ReadyCondition.TRUE.equals(now.get().getStatus()) ? NORMAL : WARNING,
                    now.get().getReason(),
                    now.get().getMessage());
        }
    }

    private void record(HasMetadata involved, String type, String reason, String message) {
        String now = Instant.now().toString();
        String namespace =
                Optional.ofNullable(involved.getMetadata().getNamespace()).orElse("default");
        var event = new EventBuilder()
                .withNewMetadata()
                .withName(involved.getMetadata().getName() + "."
                        + UUID.randomUUID().toString().substring(0, 8))
                .withNamespace(namespace)
                .endMetadata()
                .withNewInvolvedObject()
                .withApiVersion(involved.getApiVersion())
                .withKind(involved.getKind())
                .withName(involved.getMetadata().getName())
                .withNamespace(involved.getMetadata().getNamespace())
                .withUid(involved.getMetadata().getUid())
                .endInvolvedObject()
                .withType(type)
                .withReason(reason)
                .withMessage(message)
                .withFirstTimestamp(now)
                .withLastTimestamp(now)
                .withCount(1)
                .withNewSource()
                .withComponent(apply.fieldManager())
                .endSource()
                .build();
        try {
            apply.client().v1().events().inNamespace(namespace).resource(event).create();
        } catch (KubernetesClientException e) {
            LOG.debugf(
                    "Cannot record event %s on %s %s: %s",
                    reason, involved.getKind(), involved.getMetadata().getName(), e.getMessage());
        }
    }
}
