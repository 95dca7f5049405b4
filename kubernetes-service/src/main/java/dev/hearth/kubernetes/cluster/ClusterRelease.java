package dev.hearth.kubernetes.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.hearth.core.Labels;
import dev.hearth.core.api.kubernetes.Kubernetes;
import dev.hearth.core.api.kubernetes.KubernetesVersion;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;

/**
 * One tenant cluster as the mapping classes see it: the {@code Kubernetes} resource, the facts of its tenant, and the
 * names, labels and owner reference every generated object shares. Objects are named after the release
 * {@code kubernetes-<name>}.
 */
public record ClusterRelease(Kubernetes kubernetes, TenantFacts tenant) {
    public static final String SERVICE = "kubernetes-service";
    public static final String KIND = "Kubernetes";
    public static final String PREFIX = "kubernetes-";
    /** Secret key of the in-cluster admin kubeconfig that Kamaji writes; addons and the autoscaler use it. */
    public static final String IN_CLUSTER_KUBECONFIG_KEY = "super-admin.svc";

    public String name() {
        return PREFIX + kubernetes.getMetadata().getName();
    }

    public String namespace() {
        return kubernetes.getMetadata().getNamespace();
    }

    public KubernetesVersion version() {
        var version = kubernetes.getSpec().version;
        return version == null ? KubernetesVersion.V1_35 : version;
    }

    public String adminKubeconfigSecret() {
        return name() + "-admin-kubeconfig";
    }

    /** The API server hostname: spec.host, or kubernetes-<name>.<tenant host>; empty when neither is known. */
    public Optional<String> host() {
        String host = kubernetes.getSpec().host;
        if (host != null && !host.isBlank()) {
            return Optional.of(host);
        }
        return Optional.ofNullable(tenant.host()).filter(h -> !h.isBlank()).map(h -> name() + "." + h);
    }

    /** Labels on every generated object; {@link #selector()} finds them again. */
    public Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(Labels.MANAGED_BY, Labels.managedBy(SERVICE));
        labels.put(Labels.TENANT, namespace());
        labels.put(Labels.APPLICATION_KIND, KIND);
        labels.put(Labels.APPLICATION_NAME, kubernetes.getMetadata().getName());
        return labels;
    }

    public Map<String, String> selector() {
        return Map.of(
                Labels.MANAGED_BY,
                Labels.managedBy(SERVICE),
                Labels.APPLICATION_KIND,
                KIND,
                Labels.APPLICATION_NAME,
                kubernetes.getMetadata().getName());
    }

    public OwnerReference ownerReference() {
        return new OwnerReferenceBuilder()
                .withApiVersion(kubernetes.getApiVersion())
                .withKind(kubernetes.getKind())
                .withName(kubernetes.getMetadata().getName())
                .withUid(kubernetes.getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build();
    }

    public ObjectMeta metadata(String name, Map<String, String> annotations) {
        return new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(namespace())
                .withLabels(labels())
                .withAnnotations(annotations.isEmpty() ? null : new LinkedHashMap<>(annotations))
                .withOwnerReferences(ownerReference())
                .build();
    }

    /** An upstream object (Cluster API, Kamaji, KubeVirt, Flux) as a generic resource with this release's metadata. */
    public GenericKubernetesResource object(
            String apiVersion, String kind, String name, Map<String, String> annotations, Map<String, Object> spec) {
        var resource = new GenericKubernetesResource();
        resource.setApiVersion(apiVersion);
        resource.setKind(kind);
        resource.setMetadata(metadata(name, annotations));
        resource.setAdditionalProperty("spec", spec);
        return resource;
    }
}
