package dev.hearth.core.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TenantNamespaceNameTest {

    @Test
    void childOfRootDropsTheRootSegment() {
        assertThat(TenantNamespaceName.of("tenant-root", "foo")).isEqualTo("tenant-foo");
    }

    @Test
    void grandchildAppendsToItsParent() {
        assertThat(TenantNamespaceName.of("tenant-foo", "bar")).isEqualTo("tenant-foo-bar");
        assertThat(TenantNamespaceName.of("tenant-foo-bar", "baz")).isEqualTo("tenant-foo-bar-baz");
    }

    @Test
    void refusesNamesWithDashesOrUppercaseOrLeadingDigits() {
        for (String bad : new String[] {"foo-bar", "Foo", "1foo", "", "foo_bar"}) {
            assertThatThrownBy(() -> TenantNamespaceName.of("tenant-root", bad))
                    .isInstanceOf(InvalidTenantNameException.class)
                    .hasMessageContaining("no dashes");
        }
    }

    @Test
    void refusesTheReservedRootNameUnderRoot() {
        assertThatThrownBy(() -> TenantNamespaceName.of("tenant-root", "root"))
                .hasMessage("Tenant name 'root' is reserved in tenant-root");
        assertThat(TenantNamespaceName.of("tenant-foo", "root")).isEqualTo("tenant-foo-root");
    }

    @Test
    void refusesNamespacesLongerThan63CharactersAndSaysByHowMuch() {
        String parent = "tenant-" + "a".repeat(50); // 57 characters
        assertThat(TenantNamespaceName.of(parent, "bbbbb")).hasSize(63);
        assertThatThrownBy(() -> TenantNamespaceName.of(parent, "bbbbbb"))
                .hasMessageContaining("would be 64 characters long, more than the 63");
    }

    @Test
    void refusesParentsThatAreNotTenantNamespaces() {
        assertThatThrownBy(() -> TenantNamespaceName.of("default", "foo"))
                .hasMessageContaining("only be created in a tenant namespace");
    }

    @Test
    void pathListsEveryAncestorFromRootAndItself() {
        assertThat(TenantNamespaceName.path("tenant-root")).containsExactly("tenant-root");
        assertThat(TenantNamespaceName.path("tenant-foo")).containsExactly("tenant-root", "tenant-foo");
        assertThat(TenantNamespaceName.path("tenant-foo-bar"))
                .containsExactly("tenant-root", "tenant-foo", "tenant-foo-bar");
        assertThat(TenantNamespaceName.ancestors("tenant-foo-bar")).containsExactly("tenant-root", "tenant-foo");
        assertThat(TenantNamespaceName.ancestors("tenant-root")).isEmpty();
    }

    @Test
    void parentOfIsTheNextToLastOfThePath() {
        assertThat(TenantNamespaceName.parentOf("tenant-foo-bar")).contains("tenant-foo");
        assertThat(TenantNamespaceName.parentOf("tenant-foo")).contains("tenant-root");
        assertThat(TenantNamespaceName.parentOf("tenant-root")).isEmpty();
    }

    @Test
    void recognisesTenantNamespaces() {
        assertThat(TenantNamespaceName.isTenantNamespace("tenant-root")).isTrue();
        assertThat(TenantNamespaceName.isTenantNamespace("tenant-foo-bar")).isTrue();
        assertThat(TenantNamespaceName.isTenantNamespace("kube-system")).isFalse();
        assertThat(TenantNamespaceName.isTenantNamespace("tenant-")).isFalse();
        assertThat(TenantNamespaceName.isTenantNamespace("tenant-foo--bar")).isFalse();
    }
}
