package dev.hearth.dashboard.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.hearth.core.tenant.OidcPrefixes;

class CallerOfTest {
    private static final OidcPrefixes PREFIXED = new OidcPrefixes("oidc:", "oidc:");
    private static final OidcPrefixes NONE = new OidcPrefixes("", "");

    @Test
    void prefixesTheUsernameAndEveryGroup() {
        Caller caller = CallerOf.claims("alice", List.of("tenant-foo-admin", "hearth-cluster-admin"), PREFIXED);
        assertThat(caller.username()).isEqualTo("alice");
        assertThat(caller.kubernetesUsername()).isEqualTo("oidc:alice");
        assertThat(caller.groups()).containsExactly("tenant-foo-admin", "hearth-cluster-admin");
        assertThat(caller.kubernetesGroups()).containsExactly("oidc:tenant-foo-admin", "oidc:hearth-cluster-admin");
    }

    @Test
    void withAPrefixAReservedLookingNameIsHarmless() {
        Caller caller = CallerOf.claims("system:admin", List.of("system:masters"), PREFIXED);
        assertThat(caller.kubernetesUsername()).isEqualTo("oidc:system:admin");
        assertThat(caller.kubernetesGroups()).containsExactly("oidc:system:masters");
    }

    @Test
    void refusesNamesTheApiServerReserves() {
        assertThatThrownBy(() -> CallerOf.claims("system:admin", List.of(), NONE))
                .isInstanceOf(IdentityRefused.class)
                .hasMessageContaining("system:admin");
        assertThatThrownBy(() -> CallerOf.claims("alice", List.of("tenant-foo-view", "system:masters"), NONE))
                .isInstanceOf(IdentityRefused.class)
                .hasMessageContaining("system:masters");
        assertThatThrownBy(() -> CallerOf.claims("alice", List.of(), new OidcPrefixes("system:", "")))
                .isInstanceOf(IdentityRefused.class);
    }

    @Test
    void refusesATokenWithoutUsername() {
        assertThatThrownBy(() -> CallerOf.claims(null, List.of(), PREFIXED)).isInstanceOf(IdentityRefused.class);
        assertThatThrownBy(() -> CallerOf.claims(" ", null, PREFIXED)).isInstanceOf(IdentityRefused.class);
    }
}
