package dev.hearth.core.operator;

import org.eclipse.microprofile.config.ConfigProvider;

import dev.hearth.core.Labels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.quarkiverse.operatorsdk.runtime.api.ConfigurableReconciler;

/**
 * A reconciler of a Hearth service: the Operator SDK's own writes for it (finalizers, status through the SDK) go out
 * under the service's field manager {@code hearth-<quarkus.application.name>}, the same as
 * {@link dev.hearth.core.kube.ServerSideApply}'s, instead of the SDK's default (the controller's name).
 */
public interface ServiceReconciler<P extends HasMetadata> extends ConfigurableReconciler<P> {

    @Override
    default void updateConfigurationFrom(ControllerConfigurationOverrider<P> configuration) {
        configuration.withFieldManager(
                Labels.managedBy(ConfigProvider.getConfig().getValue("quarkus.application.name", String.class)));
    }
}
