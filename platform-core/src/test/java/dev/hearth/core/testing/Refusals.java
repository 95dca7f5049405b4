package dev.hearth.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FieldValidateable.Validation;

/** Assertions that the real API server refuses a request: as invalid, with the message a user would read, or as forbidden. */
public final class Refusals {
    private Refusals() {}

    /** Creating {@code resource} (with strict field validation) is refused as invalid with a message containing {@code message}. */
    public static void assertRefused(KubernetesClient client, HasMetadata resource, String message) {
        assertRefused(
                () -> client.resource(resource)
                        .fieldValidation(Validation.STRICT)
                        .create(),
                message);
    }

    /** {@code write} is refused as invalid (400 or 422) with a message containing {@code message}. */
    public static void assertRefused(ThrowingCallable write, String message) {
        assertThatThrownBy(write).isInstanceOfSatisfying(KubernetesClientException.class, e -> {
            assertThat(e.getCode()).as("HTTP status of the refusal").isIn(400, 422);
            assertThat(e.getStatus().getMessage()).contains(message);
        });
    }

    /** {@code request} is forbidden (403): what an attacker's request must get. */
    public static void assertForbidden(ThrowingCallable request) {
        assertThatThrownBy(request)
                .isInstanceOfSatisfying(
                        KubernetesClientException.class,
                        e -> assertThat(e.getCode()).as("HTTP status").isEqualTo(403));
    }

    /** Whether the API server lets {@code request} through: false when it answers 403, any other failure thrown. */
    public static boolean allowed(Runnable request) {
        try {
            request.run();
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 403) {
                return false;
            }
            throw e;
        }
    }
}
