package dev.hearth.core.kube;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;

class CrdsTest {

    @Test
    void aCrdIsServedOnlyOnceEstablished() {
        assertThat(Crds.established(null)).isFalse();
        assertThat(Crds.established(new CustomResourceDefinition())).isFalse();
        assertThat(Crds.established(withCondition("NamesAccepted", "True"))).isFalse();
        assertThat(Crds.established(withCondition("Established", "False"))).isFalse();
        assertThat(Crds.established(withCondition("Established", "True"))).isTrue();
    }

    private static CustomResourceDefinition withCondition(String type, String status) {
        return new CustomResourceDefinitionBuilder()
                .withNewStatus()
                .addNewCondition()
                .withType(type)
                .withStatus(status)
                .endCondition()
                .endStatus()
                .build();
    }
}
