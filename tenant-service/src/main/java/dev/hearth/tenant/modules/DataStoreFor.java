package dev.hearth.tenant.modules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.hearth.core.upstream.Kamaji;
import dev.hearth.core.upstream.Upstream;
import dev.hearth.tenant.lineage.TenantPlacement;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;

/**
 * The Kamaji DataStore of a tenant that runs etcd itself: named after the tenant namespace (kubernetes-service looks
 * it up by that name), pointing at the etcd module's Service over mutual TLS with the certificates its chart issues.
 *
 * <p>tenant-service writes it, not the etcd chart: a DataStore is cluster-scoped and names Secrets in any namespace,
 * which Kamaji then reads with its own rights, so the namespace-confined account that installs tenant releases may
 * not create one. Here the references can only point into the tenant's own namespace.
 */
public final class DataStoreFor {
    public static final String ETCD_PORT = "2379";
    public static final String TLS_CERT = "tls.crt";
    public static final String TLS_KEY = "tls.key";

    private DataStoreFor() {}

    /** Whether the tenant runs etcd itself (rather than inheriting an ancestor's or running none). */
    public static boolean wanted(TenantPlacement placement) {
        return placement.services() != null && placement.namespace().equals(placement.services().etcd);
    }

    /** The DataStore of {@code placement} when it runs etcd itself. */
    public static Optional<Kamaji.DataStore> ifWanted(TenantPlacement placement) {
        return wanted(placement) ? Optional.of(desired(placement)) : Optional.empty();
    }

    /** What the etcd chart rendered before: the DataStore of the etcd module's release in the tenant namespace. */
    public static Kamaji.DataStore desired(TenantPlacement placement) {
        String namespace = placement.namespace();
        String release = TenantModule.ETCD.releaseName();
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("driver", "etcd");
        spec.put("endpoints", List.of(release + "." + namespace + ".svc:" + ETCD_PORT));
        String ca = release + "-ca-tls";
        String client = release + "-client-tls";
        Map<String, Object> tls = new LinkedHashMap<>();
        tls.put("certificateAuthority", keyPair(ca, namespace));
        tls.put("clientCertificate", keyPair(client, namespace));
        spec.put("tlsConfig", tls);
        return Upstream.object(
                Kamaji.DataStore.class,
                new ObjectMetaBuilder()
                        .withName(namespace)
                        .withLabels(placement.objectLabels())
                        .build(),
                spec);
    }

    /**
     * {@code dataStore} owned by the tenant {@code namespace} (which must exist: its uid is needed), so that the
     * garbage collector deletes it with the namespace.
     */
    public static Kamaji.DataStore ownedBy(Kamaji.DataStore dataStore, Namespace namespace) {
        var metadata = new ObjectMetaBuilder(dataStore.getMetadata())
                .withOwnerReferences(new OwnerReferenceBuilder()
                        .withApiVersion("v1")
                        .withKind("Namespace")
                        .withName(namespace.getMetadata().getName())
                        .withUid(namespace.getMetadata().getUid())
                        .withController(true)
                        .build())
                .build();
        @SuppressWarnings("unchecked")
        Map<String, Object> spec =
                (Map<String, Object>) dataStore.getAdditionalProperties().get("spec");
        return Upstream.object(Kamaji.DataStore.class, metadata, spec);
    }

    private static Map<String, Object> keyPair(String secret, String namespace) {
        Map<String, Object> pair = new LinkedHashMap<>();
        pair.put("certificate", Map.of("secretReference", reference(secret, namespace, TLS_CERT)));
        pair.put("privateKey", Map.of("secretReference", reference(secret, namespace, TLS_KEY)));
        return pair;
    }

    private static Map<String, Object> reference(String secret, String namespace, String key) {
        Map<String, Object> reference = new LinkedHashMap<>();
        reference.put("name", secret);
        reference.put("namespace", namespace);
        reference.put("keyPath", key);
        return reference;
    }
}
