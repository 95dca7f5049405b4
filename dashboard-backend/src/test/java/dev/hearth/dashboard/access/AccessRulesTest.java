package dev.hearth.dashboard.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRule;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRuleBuilder;

class AccessRulesTest {
    private static ResourceRule rule(String group, String resource, String verb, String... names) {
        return new ResourceRuleBuilder()
                .withApiGroups(group)
                .withResources(resource)
                .withVerbs(verb)
                .withResourceNames(names)
                .build();
    }

    @Test
    void aRuleCoversItsGroupResourceAndVerbOnly() {
        ResourceRule rule = rule("apps.hearth.dev", "postgreses", "get");
        assertThat(AccessRules.matches(rule, "apps.hearth.dev", "postgreses", "get", "db"))
                .isTrue();
        assertThat(AccessRules.matches(rule, "apps.hearth.dev", "postgreses", "get", null))
                .isTrue();
        assertThat(AccessRules.matches(rule, "apps.hearth.dev", "postgreses", "delete", "db"))
                .isFalse();
        assertThat(AccessRules.matches(rule, "apps.hearth.dev", "redises", "get", "db"))
                .isFalse();
        assertThat(AccessRules.matches(rule, "", "postgreses", "get", "db")).isFalse();
    }

    @Test
    void wildcardsCoverEverything() {
        ResourceRule admin = rule("*", "*", "*");
        assertThat(AccessRules.matches(admin, "kubevirt.io", "virtualmachines/start", "update", "vm"))
                .isTrue();
    }

    @Test
    void namedRulesCoverOnlyTheirNamesNeverAQuestionAboutAll() {
        ResourceRule named = rule("", "secrets", "get", "postgres-db-credentials");
        assertThat(AccessRules.matches(named, "", "secrets", "get", "postgres-db-credentials"))
                .isTrue();
        assertThat(AccessRules.matches(named, "", "secrets", "get", "other")).isFalse();
        assertThat(AccessRules.matches(named, "", "secrets", "get", null)).isFalse();
    }

    @Test
    void aSubresourceIsItsOwnResource() {
        ResourceRule console = rule("subresources.kubevirt.io", "virtualmachineinstances/console", "get");
        assertThat(AccessRules.matches(
                        console, "subresources.kubevirt.io", "virtualmachineinstances/console", "get", null))
                .isTrue();
        assertThat(AccessRules.matches(console, "subresources.kubevirt.io", "virtualmachineinstances", "get", null))
                .isFalse();
    }
}
