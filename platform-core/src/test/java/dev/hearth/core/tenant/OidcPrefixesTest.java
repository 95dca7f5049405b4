package dev.hearth.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OidcPrefixesTest {
    @Test
    void prefixesNamesAsTheApiServerDoes() {
        OidcPrefixes prefixes = new OidcPrefixes("oidc:", "oidc:");
        assertThat(prefixes.user("alice")).isEqualTo("oidc:alice");
        assertThat(prefixes.group("tenant-foo-admin"))
                .isEqualTo(TenantSubjects.groupName("oidc:", "tenant-foo", AccessLevel.ADMIN));
    }

    @Test
    void noPrefixByDefault() {
        OidcPrefixes none = new OidcPrefixes(null, null);
        assertThat(none.user("alice")).isEqualTo("alice");
        assertThat(none.group("g")).isEqualTo("g");
    }
}
