package dev.hearth.tenant.rbac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.hearth.core.tenant.AccessLevel;
import dev.hearth.tenant.Tenants;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/** Set-up shared by the RBAC tests on the real API server: the level roles as aggregated, and catalog-kind CRDs. */
final class LevelRoles {
    /** How long kube-controller-manager's clusterrole-aggregation controller may take. */
    static final Duration AGGREGATION = Duration.ofSeconds(60);

    private LevelRoles() {}

    /** The aggregation controller has filled every level with its own rules and those of the levels below. */
    static void awaitAggregated() {
        for (AccessLevel level : AccessLevel.values()) {
            Set<String> expected = keys(ClusterRolesFor.rulesIncludingBelow(level));
            await().atMost(AGGREGATION)
                    .pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(keys(Tenants.client()
                                    .rbac()
                                    .clusterRoles()
                                    .withName(level.clusterRoleName())
                                    .get()
                                    .getRules()))
                            .as(level.clusterRoleName())
                            .containsAll(expected));
        }
    }

    /** A namespaced CRD with a status subresource and open schemas, as a catalog kind is served. */
    static void catalogKindCrd(ResourceDefinitionContext kind, String kindName) {
        CustomResourceDefinition crd = new CustomResourceDefinitionBuilder()
                .withNewMetadata()
                .withName(kind.getPlural() + "." + kind.getGroup())
                .endMetadata()
                .withNewSpec()
                .withGroup(kind.getGroup())
                .withScope("Namespaced")
                .withNewNames()
                .withKind(kindName)
                .withPlural(kind.getPlural())
                .withSingular(kindName.toLowerCase(java.util.Locale.ROOT))
                .endNames()
                .addNewVersion()
                .withName(kind.getVersion())
                .withServed(true)
                .withStorage(true)
                .withNewSubresources()
                .withNewStatus()
                .endStatus()
                .endSubresources()
                .withNewSchema()
                .withNewOpenAPIV3Schema()
                .withType("object")
                .addToProperties(
                        "spec",
                        new io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder()
                                .withType("object")
                                .withXKubernetesPreserveUnknownFields(true)
                                .build())
                .addToProperties(
                        "status",
                        new io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder()
                                .withType("object")
                                .withXKubernetesPreserveUnknownFields(true)
                                .build())
                .endOpenAPIV3Schema()
                .endSchema()
                .endVersion()
                .endSpec()
                .build();
        KubernetesClient client = Tenants.client();
        if (client.apiextensions()
                        .v1()
                        .customResourceDefinitions()
                        .withName(crd.getMetadata().getName())
                        .get()
                == null) {
            client.apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .resource(crd)
                    .create();
        }
        client.apiextensions()
                .v1()
                .customResourceDefinitions()
                .withName(crd.getMetadata().getName())
                .waitUntilCondition(
                        c -> c.getStatus() != null
                                && c.getStatus().getConditions() != null
                                && c.getStatus().getConditions().stream()
                                        .anyMatch(cond -> cond.getType().equals("Established")
                                                && cond.getStatus().equals("True")),
                        60,
                        java.util.concurrent.TimeUnit.SECONDS);
    }

    private static Set<String> keys(List<PolicyRule> rules) {
        Set<String> keys = new java.util.HashSet<>();
        for (PolicyRule rule : rules == null ? List.<PolicyRule>of() : rules) {
            for (String group : rule.getApiGroups()) {
                for (String resource : rule.getResources()) {
                    for (String verb : rule.getVerbs()) {
                        keys.add(group + "/" + resource + ":" + verb);
                    }
                }
            }
        }
        return keys.stream().collect(Collectors.toSet());
    }
}
