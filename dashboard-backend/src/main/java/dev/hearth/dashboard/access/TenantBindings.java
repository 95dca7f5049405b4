package dev.hearth.dashboard.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.hearth.dashboard.identity.Caller;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.quarkus.runtime.StartupEvent;

/**
 * Every RoleBinding, from an informer indexed by subject, so the namespaces whose bindings name a caller are found
 * without asking the API server: where none does, only a cluster-wide grant could give the caller a level, and
 * {@link TenantLevels} asks about that once. It only narrows which namespaces are asked about; every level is still the
 * API server's answer. The event streams re-check their access when a binding changes ({@code TenantFeed}).
 */
@ApplicationScoped
public class TenantBindings {
    private static final Logger LOG = Logger.getLogger(TenantBindings.class);
    private static final String SUBJECTS = "subjects";
    /** The API server adds it to every authenticated user; a binding may name it. */
    private static final String AUTHENTICATED = "system:authenticated";

    @Inject
    KubernetesClient backend;

    private volatile SharedIndexInformer<RoleBinding> bindings;

    void start(@Observes StartupEvent started) {
        informer();
    }

    /** The informer (started on first use, whichever start observer comes first), to listen to its changes. */
    public synchronized SharedIndexInformer<RoleBinding> informer() {
        if (bindings == null) {
            SharedIndexInformer<RoleBinding> informer =
                    backend.rbac().roleBindings().inAnyNamespace().runnableInformer(0);
            informer.addIndexers(Map.of(SUBJECTS, TenantBindings::subjectKeys));
            bindings = informer;
            informer.start().exceptionally(failure -> {
                LOG.warnf("RoleBinding informer not started yet: %s", failure.getMessage());
                return null;
            });
        }
        return bindings;
    }

    /** The namespaces where a RoleBinding names the caller's user or one of its groups. */
    public Set<String> namespacesNaming(Caller caller) {
        Set<String> namespaces = new TreeSet<>();
        if (bindings == null) {
            return namespaces;
        }
        List<String> keys = new ArrayList<>();
        keys.add("User:" + caller.kubernetesUsername());
        keys.add("Group:" + AUTHENTICATED);
        caller.kubernetesGroups().forEach(group -> keys.add("Group:" + group));
        for (String key : keys) {
            for (RoleBinding binding : bindings.getIndexer().byIndex(SUBJECTS, key)) {
                namespaces.add(binding.getMetadata().getNamespace());
            }
        }
        return namespaces;
    }

    public boolean synced() {
        return bindings != null && bindings.hasSynced();
    }

    private static List<String> subjectKeys(RoleBinding binding) {
        return binding.getSubjects() == null
                ? List.of()
                : binding.getSubjects().stream()
                        .filter(s -> "User".equals(s.getKind()) || "Group".equals(s.getKind()))
                        .map(s -> s.getKind() + ":" + s.getName())
                        .distinct()
                        .toList();
    }

    @PreDestroy
    void stop() {
        if (bindings != null) {
            bindings.close();
        }
    }
}
