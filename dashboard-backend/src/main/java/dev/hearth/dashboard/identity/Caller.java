package dev.hearth.dashboard.identity;

import java.util.List;

/**
 * Who a request comes from, as the API server will see it through impersonation.
 *
 * @param username           the token's {@code preferred_username}
 * @param groups             the token's {@code groups}
 * @param kubernetesUsername {@code <username prefix><username>}
 * @param kubernetesGroups   each group with the group prefix
 */
public record Caller(String username, List<String> groups, String kubernetesUsername, List<String> kubernetesGroups) {
    public Caller {
        groups = List.copyOf(groups);
        kubernetesGroups = List.copyOf(kubernetesGroups);
    }
}
