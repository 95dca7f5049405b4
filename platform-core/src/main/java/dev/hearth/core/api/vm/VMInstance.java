package dev.hearth.core.api.vm;

import dev.hearth.core.api.ApiGroups;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A virtual machine; becomes the KubeVirt VirtualMachine {@code vm-instance-<name>} and its Service. */
@Group(ApiGroups.APPS)
@Version(ApiGroups.VERSION)
@ShortNames("vmi")
@Categories(ApiGroups.CATEGORY)
@ValidationRule(
        value = "self.metadata.name.matches('^[a-z]([-a-z0-9]*[a-z0-9])?$') && size(self.metadata.name) <= 50",
        message = "a VMInstance name must be a DNS label of at most 50 characters (lowercase letters, digits, dashes)")
@AdditionalPrinterColumn(
        name = "Ready",
        jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "Status",
        jsonPath = ".status.printableStatus",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "IP", jsonPath = ".status.ipAddresses[0]", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "Age",
        jsonPath = ".metadata.creationTimestamp",
        type = AdditionalPrinterColumn.Type.DATE)
public class VMInstance extends CustomResource<VMInstanceSpec, VMInstanceStatus> implements Namespaced {

    @Override
    protected VMInstanceSpec initSpec() {
        return new VMInstanceSpec();
    }

    @Override
    protected VMInstanceStatus initStatus() {
        return new VMInstanceStatus();
    }
}
