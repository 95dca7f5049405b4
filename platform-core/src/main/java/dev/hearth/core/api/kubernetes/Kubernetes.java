package dev.hearth.core.api.kubernetes;

import dev.hearth.core.api.ApiGroups;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A tenant Kubernetes cluster: control plane as pods in the management cluster (Kamaji through Cluster API),
 * workers as KubeVirt VMs. Objects are named after the release {@code kubernetes-<name>}.
 */
@Group(ApiGroups.APPS)
@Version(ApiGroups.VERSION)
@Plural("kuberneteses")
@ShortNames("k8s")
@Categories(ApiGroups.CATEGORY)
@ValidationRule(
        value = "self.metadata.name.matches('^[a-z]([-a-z0-9]*[a-z0-9])?$') && size(self.metadata.name) <= 40",
        message = "a Kubernetes name must be a DNS label of at most 40 characters (lowercase letters, digits, dashes)")
@AdditionalPrinterColumn(
        name = "Ready",
        jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Version", jsonPath = ".spec.version", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "Endpoint",
        jsonPath = ".status.apiEndpoint",
        type = AdditionalPrinterColumn.Type.STRING,
        priority = 1)
@AdditionalPrinterColumn(
        name = "Age",
        jsonPath = ".metadata.creationTimestamp",
        type = AdditionalPrinterColumn.Type.DATE)
public class Kubernetes extends CustomResource<KubernetesSpec, KubernetesStatus> implements Namespaced {

    @Override
    protected KubernetesSpec initSpec() {
        return new KubernetesSpec();
    }

    @Override
    protected KubernetesStatus initStatus() {
        return new KubernetesStatus();
    }
}
