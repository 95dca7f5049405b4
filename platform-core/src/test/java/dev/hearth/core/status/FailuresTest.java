package dev.hearth.core.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;

class FailuresTest {

    @Test
    void aRefusalIsTheApiServersOwnWords() {
        var refused = new KubernetesClientException(new StatusBuilder()
                .withCode(422)
                .withMessage("Cluster.cluster.x-k8s.io \"a\" is invalid: spec.paused: Invalid value")
                .build());
        assertThat(Failures.message(refused))
                .isEqualTo("Cluster.cluster.x-k8s.io \"a\" is invalid: spec.paused: Invalid value");
    }

    @Test
    void anyOtherFailureNamesItsType() {
        assertThat(Failures.message(new IllegalStateException("no etcd"))).isEqualTo("IllegalStateException: no etcd");
    }
}
