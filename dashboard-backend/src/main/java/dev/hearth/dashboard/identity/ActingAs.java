package dev.hearth.dashboard.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.RequestConfigBuilder;

/**
 * Clients that impersonate a caller: every request carries {@code Impersonate-User} and {@code Impersonate-Group}
 * headers, so the API server's RBAC decides as for the user. They share the backend's HTTP client (no connection pool
 * per user). The backend's own identity needs {@code impersonate} on users and groups for this, and nothing to write.
 */
@ApplicationScoped
public class ActingAs {
    @Inject
    KubernetesClient backend;

    public KubernetesClient client(Caller caller) {
        return backend.newClient(new RequestConfigBuilder()
                        .withImpersonateUsername(caller.kubernetesUsername())
                        .withImpersonateGroups(caller.kubernetesGroups().toArray(String[]::new))
                        .build())
                .adapt(KubernetesClient.class);
    }
}
