package dev.hearth.core.api.platform;

import dev.hearth.core.api.ApiGroups;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Version;

/** The installed bundle: which one, which version, and which components are enabled and how. */
@Group(ApiGroups.PLATFORM)
@Version(ApiGroups.VERSION)
@Categories(ApiGroups.CATEGORY)
@AdditionalPrinterColumn(name = "Bundle", jsonPath = ".spec.bundle.name", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "Version",
        jsonPath = ".spec.bundle.version",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "Ready",
        jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "Age",
        jsonPath = ".metadata.creationTimestamp",
        type = AdditionalPrinterColumn.Type.DATE)
public class Platform extends CustomResource<PlatformSpec, PlatformStatus> {

    @Override
    protected PlatformSpec initSpec() {
        return new PlatformSpec();
    }

    @Override
    protected PlatformStatus initStatus() {
        return new PlatformStatus();
    }
}
