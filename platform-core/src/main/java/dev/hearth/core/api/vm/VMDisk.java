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

/** A virtual machine disk; becomes the CDI DataVolume {@code vm-disk-<name>}. */
@Group(ApiGroups.APPS)
@Version(ApiGroups.VERSION)
@ShortNames("vmd")
@Categories(ApiGroups.CATEGORY)
@ValidationRule(
        value = "self.metadata.name.matches('^[a-z]([-a-z0-9]*[a-z0-9])?$') && size(self.metadata.name) <= 50",
        message = "a VMDisk name must be a DNS label of at most 50 characters (lowercase letters, digits, dashes)")
@AdditionalPrinterColumn(
        name = "Ready",
        jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Progress", jsonPath = ".status.progress", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Size", jsonPath = ".spec.size", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "Age",
        jsonPath = ".metadata.creationTimestamp",
        type = AdditionalPrinterColumn.Type.DATE)
public class VMDisk extends CustomResource<VMDiskSpec, VMDiskStatus> implements Namespaced {

    @Override
    protected VMDiskSpec initSpec() {
        return new VMDiskSpec();
    }

    @Override
    protected VMDiskStatus initStatus() {
        return new VMDiskStatus();
    }
}
