package dev.hearth.kubernetes.release;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.hearth.core.Labels;
import dev.hearth.core.api.kubernetes.Kubernetes;
import dev.hearth.core.api.kubernetes.KubernetesVersion;
import dev.hearth.core.kube.ChildMetadata;
import dev.hearth.core.tenant.TenantFacts;
import dev.hearth.core.upstream.Upstream;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * One tenant cluster as the mapping classes see it: the {@code Kubernetes} resource, the facts of its tenant, and the
 * names every generated object shares. Objects are named after the release {@code kubernetes-<name>}.
 */
public record ClusterRelease(Kubernetes kubernetes, TenantFacts tenant) {
    public static final String SERVICE = "kubernetes-service";
    /** The field manager of every write, and the value of the managed-by label. */
    public static final String FIELD_MANAGER = Labels.managedBy(SERVICE);

    public static final String PREFIX = "kubernetes-";
    /** Secret key of the in-cluster admin kubeconfig that Kamaji writes; addons and the autoscaler use it. */
    public static final String IN_CLUSTER_KUBECONFIG_KEY = "super-admin.svc";

    public String name() {
        return PREFIX + kubernetes.getMetadata().getName();
    }

    public String namespace() {
        return kubernetes.getMetadata().getNamespace();
    }

    /** spec.version, or the CRD's default when the spec gives none. */
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
        return tenant.domain().map(h -> name() + "." + h);
    }

    /** The labels that select every object of this release. */
    public Map<String, String> selector() {
        return ChildMetadata.selector(kubernetes, FIELD_MANAGER);
    }

    /** Metadata of a generated object: labels, owner reference and the given annotations. */
    public ObjectMeta metadata(String name, Map<String, String> annotations) {
        ObjectMeta metadata = ChildMetadata.of(kubernetes, name, FIELD_MANAGER);
        if (!annotations.isEmpty()) {
            metadata.setAnnotations(new LinkedHashMap<>(annotations));
        }
        return metadata;
    }

    /** An upstream object (Cluster API, Kamaji, KubeVirt, Flux) with this release's metadata. */
    public <T extends GenericKubernetesResource> T object(
            Class<T> kind, String name, Map<String, String> annotations, Map<String, Object> spec) {
        return Upstream.object(kind, metadata(name, annotations), spec);
    }
}
