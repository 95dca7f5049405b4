package dev.hearth.dashboard.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.hearth.core.tenant.OidcPrefixes;

/**
 * The caller of validated claims. Refuses names the API server reserves for itself: a username or group that would
 * start with {@code system:} (possible when a prefix is empty) would let a token act as a node, a controller or
 * {@code system:masters}.
 */
public final class CallerOf {
    static final String RESERVED = "system:";

    private CallerOf() {}

    /**
     * @throws IdentityRefused when the username is missing or a resulting name is reserved
     */
    public static Caller claims(String preferredUsername, Collection<?> groups, OidcPrefixes prefixes) {
        if (preferredUsername == null || preferredUsername.isBlank()) {
            throw new IdentityRefused("the token has no preferred_username claim");
        }
        String user = prefixes.user(preferredUsername);
        if (user.startsWith(RESERVED)) {
            throw new IdentityRefused("the username " + user + " is reserved for Kubernetes itself (" + RESERVED + ")");
        }
        List<String> raw = new ArrayList<>();
        List<String> prefixed = new ArrayList<>();
        for (Object group : groups == null ? List.of() : groups) {
            String name = String.valueOf(group);
            String kubernetesGroup = prefixes.group(name);
            if (kubernetesGroup.startsWith(RESERVED)) {
                throw new IdentityRefused(
                        "the group " + kubernetesGroup + " is reserved for Kubernetes itself (" + RESERVED + ")");
            }
            raw.add(name);
            prefixed.add(kubernetesGroup);
        }
        return new Caller(preferredUsername, raw, user, prefixed);
    }
}
