package dev.hearth.dashboard.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.hearth.core.api.catalog.ApplicationDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.quarkus.runtime.StartupEvent;

/**
 * The ApplicationDefinitions, from an informer the backend keeps with its own identity (the catalog is the same for
 * every user: which kinds a user may create in a tenant is {@code TenantActions}' answer). Started without waiting,
 * like the tenant caches.
 */
@ApplicationScoped
public class CatalogDefinitions {
    private static final Logger LOG = Logger.getLogger(CatalogDefinitions.class);

    @Inject
    KubernetesClient backend;

    private volatile SharedIndexInformer<ApplicationDefinition> definitions;

    void start(@Observes StartupEvent started) {
        definitions = backend.resources(ApplicationDefinition.class).runnableInformer(0);
        definitions.start().exceptionally(failure -> {
            LOG.warnf("ApplicationDefinition informer not started yet: %s", failure.getMessage());
            return null;
        });
    }

    /** Every definition, by kind. */
    public List<ApplicationDefinition> all() {
        return definitions == null
                ? List.of()
                : definitions.getStore().list().stream()
                        .filter(d -> d.getSpec() != null && d.getSpec().application != null)
                        .sorted(Comparator.comparing(d -> d.getSpec().application.kind))
                        .toList();
    }

    /** The definition of the kind served as {@code plural}. */
    public Optional<ApplicationDefinition> byPlural(String plural) {
        return all().stream()
                .filter(d -> plural.equals(d.getSpec().application.plural))
                .findFirst();
    }

    @PreDestroy
    void stop() {
        if (definitions != null) {
            definitions.close();
        }
    }
}
