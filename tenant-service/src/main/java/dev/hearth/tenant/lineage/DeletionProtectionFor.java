package dev.hearth.tenant.lineage;

import java.util.List;

import dev.hearth.core.Labels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicy;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyBinding;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyBindingBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyBuilder;

/**
 * The API server itself refuses to delete anything labelled {@code hearth.dev/no-delete: "true"} (tenant-root's
 * namespace), through a ValidatingAdmissionPolicy, so protection holds even while the service is down.
 */
public final class DeletionProtectionFor {
    public static final String NAME = "hearth-no-delete";
    static final String MESSAGE =
            "this object is labelled hearth.dev/no-delete=true and cannot be deleted (tenant-root and the "
                    + "platform's own objects are protected); remove the label first if you really mean it";

    private DeletionProtectionFor() {}

    /** The policy and its binding, in the order the API server needs them. */
    public static List<HasMetadata> desired(String serviceName) {
        return List.of(policy(serviceName), binding(serviceName));
    }

    static ValidatingAdmissionPolicy policy(String serviceName) {
        return new ValidatingAdmissionPolicyBuilder()
                .withNewMetadata()
                .withName(NAME)
                .addToLabels(Labels.MANAGED_BY, Labels.managedBy(serviceName))
                .endMetadata()
                .withNewSpec()
                .withFailurePolicy("Fail")
                .withNewMatchConstraints()
                .addNewResourceRule()
                .withApiGroups("*")
                .withApiVersions("*")
                .withResources("*")
                .withOperations("DELETE")
                .endResourceRule()
                .endMatchConstraints()
                .addNewValidation()
                .withExpression(
                        "!has(oldObject.metadata.labels) || !('" + Labels.NO_DELETE + "' in oldObject.metadata.labels)"
                                + " || oldObject.metadata.labels['" + Labels.NO_DELETE + "'] != 'true'")
                .withMessage(MESSAGE)
                .withReason("Forbidden")
                .endValidation()
                .endSpec()
                .build();
    }

    static ValidatingAdmissionPolicyBinding binding(String serviceName) {
        return new ValidatingAdmissionPolicyBindingBuilder()
                .withNewMetadata()
                .withName(NAME)
                .addToLabels(Labels.MANAGED_BY, Labels.managedBy(serviceName))
                .endMetadata()
                .withNewSpec()
                .withPolicyName(NAME)
                .withValidationActions(List.of("Deny"))
                // only labelled objects are sent to the policy, so other deletions cost nothing
                .withNewMatchResources()
                .withNewObjectSelector()
                .addToMatchLabels(Labels.NO_DELETE, "true")
                .endObjectSelector()
                .endMatchResources()
                .endSpec()
                .build();
    }
}
