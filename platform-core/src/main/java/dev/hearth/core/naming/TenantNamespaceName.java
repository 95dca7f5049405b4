package dev.hearth.core.naming;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The naming rule of tenant namespaces: a Tenant {@code foo} in {@code tenant-root} owns {@code tenant-foo}; a Tenant
 * {@code bar} in {@code tenant-foo} owns {@code tenant-foo-bar}. Tenant names have no dashes, so a namespace name
 * spells its whole ancestry.
 */
public final class TenantNamespaceName {
    public static final String ROOT = "tenant-root";
    public static final int MAX_LENGTH = 63;

    private static final Pattern TENANT_NAME = Pattern.compile("^[a-z][a-z0-9]*$");
    private static final Pattern TENANT_NAMESPACE = Pattern.compile("^tenant-[a-z][a-z0-9]*(-[a-z][a-z0-9]*)*$");

    private TenantNamespaceName() {}

    /**
     * The namespace of Tenant {@code name} created in tenant namespace {@code parentNamespace}.
     *
     * @throws InvalidTenantNameException with a message a user can act on, when the name breaks the rule
     */
    public static String of(String parentNamespace, String name) {
        if (!isTenantNamespace(parentNamespace)) {
            throw new InvalidTenantNameException(
                    "Tenants can only be created in a tenant namespace (tenant-root or tenant-...), not in '"
                            + parentNamespace + "'");
        }
        if (name == null || !TENANT_NAME.matcher(name).matches()) {
            throw new InvalidTenantNameException("Tenant name '" + name
                    + "' must start with a lowercase letter and contain only lowercase letters and digits (no dashes)");
        }
        if (ROOT.equals(parentNamespace) && "root".equals(name)) {
            throw new InvalidTenantNameException("Tenant name 'root' is reserved in tenant-root");
        }
        String namespace = ROOT.equals(parentNamespace) ? "tenant-" + name : parentNamespace + "-" + name;
        if (namespace.length() > MAX_LENGTH) {
            throw new InvalidTenantNameException("Tenant namespace '" + namespace + "' would be " + namespace.length()
                    + " characters long, more than the " + MAX_LENGTH
                    + " Kubernetes allows: choose a shorter name or nest less deeply");
        }
        return namespace;
    }

    public static boolean isTenantNamespace(String namespace) {
        return namespace != null
                && namespace.length() <= MAX_LENGTH
                && TENANT_NAMESPACE.matcher(namespace).matches();
    }

    /** The parent tenant namespace of a tenant namespace; empty for {@code tenant-root}. */
    public static Optional<String> parentOf(String namespace) {
        List<String> path = path(namespace);
        return path.size() < 2 ? Optional.empty() : Optional.of(path.get(path.size() - 2));
    }

    /**
     * The namespaces from {@code tenant-root} down to {@code namespace} itself:
     * {@code tenant-foo-bar} → [tenant-root, tenant-foo, tenant-foo-bar].
     */
    public static List<String> path(String namespace) {
        if (!isTenantNamespace(namespace)) {
            throw new InvalidTenantNameException("'" + namespace + "' is not a tenant namespace");
        }
        List<String> path = new ArrayList<>();
        path.add(ROOT);
        if (ROOT.equals(namespace)) {
            return path;
        }
        String[] segments = namespace.substring("tenant-".length()).split("-");
        StringBuilder current = new StringBuilder("tenant");
        for (String segment : segments) {
            current.append('-').append(segment);
            path.add(current.toString());
        }
        return path;
    }

    /** The ancestors of a tenant namespace, from {@code tenant-root} down, without the namespace itself. */
    public static List<String> ancestors(String namespace) {
        List<String> path = path(namespace);
        return path.subList(0, path.size() - 1);
    }
}
