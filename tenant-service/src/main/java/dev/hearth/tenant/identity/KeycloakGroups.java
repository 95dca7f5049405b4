package dev.hearth.tenant.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.GroupsResource;
import org.keycloak.representations.idm.GroupRepresentation;

/**
 * Each tenant's four groups in Keycloak, created and deleted through its admin API when {@code hearth.tenant.keycloak.*}
 * is set. Keycloak is a convenience for tenant admins, not a dependency of tenants: a failure is returned as the text of
 * a condition, a call never waits longer than {@link #CALL_TIMEOUT}, and after a failure Keycloak is left alone for
 * {@link #BACKOFF} so that a down Keycloak does not hold every reconcile back.
 */
@ApplicationScoped
public class KeycloakGroups {
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    static final Duration BACKOFF = Duration.ofSeconds(20);
    private static final Logger LOG = Logger.getLogger(KeycloakGroups.class);

    private final Optional<Keycloak> keycloak;
    private final String realm;
    private final String url;
    private final Clock clock;
    private final ExecutorService calls = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "keycloak-groups");
        thread.setDaemon(true);
        return thread;
    });
    // tenants whose groups were found or made since the start: no call per reconcile
    private final Set<String> synced = ConcurrentHashMap.newKeySet();
    private volatile Instant quietUntil = Instant.MIN;
    private volatile String lastFailure = "";

    @Inject
    KeycloakGroups(KeycloakSettings settings) {
        this(settings, Clock.systemUTC());
    }

    KeycloakGroups(KeycloakSettings settings, Clock clock) {
        this.clock = clock;
        this.realm = settings.realm();
        this.url = settings.url().orElse("");
        this.keycloak = settings.url()
                .map(server -> KeycloakBuilder.builder()
                        .serverUrl(server)
                        .realm(settings.realm())
                        .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                        .clientId(settings.clientId())
                        .clientSecret(settings.clientSecret()
                                .orElseThrow(() -> new IllegalStateException(
                                        "hearth.tenant.keycloak.url is set but hearth.tenant.keycloak.client-secret is not: set the"
                                                + " secret of client " + settings.clientId() + " or unset the URL")))
                        .build());
        if (keycloak.isEmpty()) {
            LOG.info("Tenants get no Keycloak groups: hearth.tenant.keycloak.url is not set");
        }
    }

    public boolean enabled() {
        return keycloak.isPresent();
    }

    /** Makes the tenant's groups exist; empty when they do, else what went wrong and what to check. */
    public Optional<String> ensure(String tenantNamespace) {
        if (keycloak.isEmpty() || synced.contains(tenantNamespace)) {
            return Optional.empty();
        }
        Optional<String> failure = call("create the groups of " + tenantNamespace, groups -> {
            for (String name : TenantGroupNames.of(tenantNamespace)) {
                if (find(groups, name).isEmpty()) {
                    GroupRepresentation group = new GroupRepresentation();
                    group.setName(name);
                    try (Response response = groups.add(group)) {
                        // 409: made meanwhile by another replica
                        if (response.getStatus() != 201 && response.getStatus() != 409) {
                            throw new WebApplicationException(response);
                        }
                    }
                }
            }
            return null;
        });
        if (failure.isEmpty()) {
            synced.add(tenantNamespace);
        }
        return failure;
    }

    /** Deletes the tenant's groups (their members lose them in their next tokens); empty when none is left. */
    public Optional<String> remove(String tenantNamespace) {
        if (keycloak.isEmpty()) {
            return Optional.empty();
        }
        synced.remove(tenantNamespace);
        return call("delete the groups of " + tenantNamespace, groups -> {
            for (String name : TenantGroupNames.of(tenantNamespace)) {
                find(groups, name)
                        .ifPresent(group -> groups.group(group.getId()).remove());
            }
            return null;
        });
    }

    private static Optional<GroupRepresentation> find(GroupsResource groups, String name) {
        return groups.groups(name, true, 0, 10, true).stream()
                .filter(group -> name.equals(group.getName()))
                .findFirst();
    }

    private Optional<String> call(String what, Function<GroupsResource, Void> action) {
        if (clock.instant().isBefore(quietUntil)) {
            return Optional.of(message(what, "not tried until " + quietUntil + ", after " + lastFailure));
        }
        Future<Void> done =
                calls.submit(() -> action.apply(keycloak.get().realm(realm).groups()));
        try {
            done.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (TimeoutException e) {
            done.cancel(true);
            return failed(what, "no answer within " + CALL_TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            return failed(what, describe(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(what, "interrupted");
        }
    }

    private Optional<String> failed(String what, String why) {
        lastFailure = why;
        quietUntil = clock.instant().plus(BACKOFF);
        String message = message(what, why);
        LOG.warn(message);
        return Optional.of(message);
    }

    private String message(String what, String why) {
        return "Keycloak at " + url + " (realm " + realm + ") could not " + what + ": " + why
                + "; check hearth.tenant.keycloak.* and that client's service-account roles (manage-users,"
                + " query-groups)";
    }

    private static String describe(Throwable failure) {
        if (failure instanceof WebApplicationException web) {
            return "HTTP " + web.getResponse().getStatus();
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
    }

    /** Groups found or made since the start: tests only. */
    List<String> synced() {
        return List.copyOf(synced);
    }

    @PreDestroy
    void close() {
        keycloak.ifPresent(Keycloak::close);
        calls.shutdownNow();
    }
}
