package dev.hearth.vm;

import java.util.Map;
import java.util.TreeMap;

import dev.hearth.core.Labels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;

/** Name, labels and controller owner reference of an object derived from a VMDisk or VMInstance. */
public final class ChildMetadata {
    public static final String MANAGED_BY = Labels.managedBy("vm-service");

    private ChildMetadata() {}

    /** The labels every derived object carries (DESIGN.md §9). */
    public static Map<String, String> labels(HasMetadata owner) {
        Map<String, String> labels = new TreeMap<>();
        labels.put(Labels.MANAGED_BY, MANAGED_BY);
        labels.put(Labels.TENANT, owner.getMetadata().getNamespace());
        labels.put(Labels.APPLICATION_KIND, owner.getKind());
        labels.put(Labels.APPLICATION_NAME, owner.getMetadata().getName());
        return labels;
    }

    /** Metadata of {@code name}, in the owner's namespace, garbage-collected with the owner. */
    public static ObjectMeta of(HasMetadata owner, String name) {
        return new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(owner.getMetadata().getNamespace())
                .withLabels(labels(owner))
                .withOwnerReferences(new OwnerReferenceBuilder()
                        .withApiVersion(owner.getApiVersion())
                        .withKind(owner.getKind())
                        .withName(owner.getMetadata().getName())
                        .withUid(owner.getMetadata().getUid())
                        .withController(true)
                        .withBlockOwnerDeletion(true)
                        .build())
                .build();
    }
}
