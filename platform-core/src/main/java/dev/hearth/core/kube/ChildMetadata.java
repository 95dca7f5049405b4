package dev.hearth.core.kube;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.hearth.core.Labels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;

/**
 * Labels and owner reference of an object a service derives from a resource (its owner): managed by the service, in
 * the owner's tenant, named after the owner's kind and name (docs/design.md, "Shared conventions"), and collected by
 * the garbage collector with the owner.
 */
public final class ChildMetadata {
    private ChildMetadata() {}

    /** The labels of every derived object; {@link #selector} finds them again. */
    public static Map<String, String> labels(HasMetadata owner, String fieldManager) {
        Map<String, String> labels = new LinkedHashMap<>(selector(owner, fieldManager));
        labels.put(Labels.TENANT, owner.getMetadata().getNamespace());
        return labels;
    }

    /** The labels that select every object derived from {@code owner}. */
    public static Map<String, String> selector(HasMetadata owner, String fieldManager) {
        Map<String, String> selector = new LinkedHashMap<>();
        selector.put(Labels.MANAGED_BY, fieldManager);
        selector.put(Labels.APPLICATION_KIND, owner.getKind());
        selector.put(Labels.APPLICATION_NAME, owner.getMetadata().getName());
        return selector;
    }

    /** The owner as the controller of a derived object, which blocks the owner's foreground deletion until it is gone. */
    public static OwnerReference ownerReference(HasMetadata owner) {
        return new OwnerReferenceBuilder()
                .withApiVersion(owner.getApiVersion())
                .withKind(owner.getKind())
                .withName(owner.getMetadata().getName())
                .withUid(owner.getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build();
    }

    /** Metadata of {@code name} in the owner's namespace, with the labels and the owner reference. */
    public static ObjectMeta of(HasMetadata owner, String name, String fieldManager) {
        return new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(owner.getMetadata().getNamespace())
                .withLabels(labels(owner, fieldManager))
                .withOwnerReferences(ownerReference(owner))
                .build();
    }
}
