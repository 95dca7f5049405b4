package dev.hearth.tenant;

import java.util.Optional;

import dev.hearth.core.kube.ServerSideApply;
import io.fabric8.kubernetes.api.model.HasMetadata;

/** How tenant-service reads and writes the objects of a tenant namespace. */
public interface TenantObjects {

    /** Makes the object as desired (server-side apply under the service's field manager). */
    void apply(HasMetadata desired);

    /** The object as the service knows it now, if it exists; {@code namespace} is null for a cluster-scoped one. */
    <T extends HasMetadata> Optional<T> current(Class<T> type, String namespace, String name);

    /** Makes sure the object does not exist. */
    <T extends HasMetadata> void delete(Class<T> type, String namespace, String name);

    /** Straight to the API server, every time: for tenant-root, which has no Tenant and so no reconciler caches. */
    static TenantObjects direct(ServerSideApply writes) {
        var client = writes.client();
        return new TenantObjects() {
            @Override
            public void apply(HasMetadata desired) {
                writes.apply(desired);
            }

            @Override
            public <T extends HasMetadata> Optional<T> current(Class<T> type, String namespace, String name) {
                var resources = client.resources(type);
                // null for cluster-scoped objects (Namespaces)
                var named = namespace == null
                        ? resources.withName(name)
                        : resources.inNamespace(namespace).withName(name);
                return Optional.ofNullable(named.get());
            }

            @Override
            public <T extends HasMetadata> void delete(Class<T> type, String namespace, String name) {
                client.resources(type).inNamespace(namespace).withName(name).delete();
            }
        };
    }
}
