package dev.hearth.dashboard.api;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;

import dev.hearth.core.api.ApiGroups;
import dev.hearth.core.naming.TenantNamespaceName;
import dev.hearth.dashboard.identity.ActingAs;
import dev.hearth.dashboard.identity.Caller;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * The {@code apps.hearth.dev} kind a path names ({@code /tenants/{namespace}/apps/{plural}}), checked before any call:
 * the namespace must be a tenant's, the plural one the API server serves (from discovery, asked as the caller since
 * discovery is open to every user), the name a DNS label.
 */
@ApplicationScoped
public class AppKinds {
    static final String VERSION = "v1alpha1";
    private static final Pattern PLURAL = Pattern.compile("[a-z][a-z0-9]{0,62}");
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    @Inject
    ActingAs actingAs;

    /** plural → kind of the served Hearth kinds. */
    private final Map<String, String> kinds = new ConcurrentHashMap<>();

    public ResourceDefinitionContext context(Caller caller, String namespace, String plural) {
        checkedTenant(namespace);
        if (plural == null || !PLURAL.matcher(plural).matches()) {
            throw new NotFoundException("no kind " + plural + " in " + ApiGroups.APPS);
        }
        String kind = Optional.ofNullable(kinds.get(plural)).orElseGet(() -> discover(caller, plural));
        return new ResourceDefinitionContext.Builder()
                .withGroup(ApiGroups.APPS)
                .withVersion(VERSION)
                .withPlural(plural)
                .withKind(kind)
                .withNamespaced(true)
                .build();
    }

    private String discover(Caller caller, String plural) {
        var served = actingAs.client(caller).getApiResources(ApiGroups.APPS + "/" + VERSION);
        if (served != null) {
            for (APIResource api : served.getResources()) {
                if (!api.getName().contains("/")) {
                    kinds.put(api.getName(), api.getKind());
                }
            }
        }
        String kind = kinds.get(plural);
        if (kind == null) {
            throw new NotFoundException("no kind " + plural + " is served in " + ApiGroups.APPS + "/" + VERSION);
        }
        return kind;
    }

    /** A 404 for a namespace that is no tenant's, before any call. */
    public static String checkedTenant(String namespace) {
        if (!TenantNamespaceName.isTenantNamespace(namespace)) {
            throw new NotFoundException(namespace + " is no tenant namespace");
        }
        return namespace;
    }

    public static String checkedName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new BadRequestException("invalid name '" + name + "': a DNS label (lower-case letters, digits, '-',"
                    + " at most 63 characters)");
        }
        return name;
    }
}
