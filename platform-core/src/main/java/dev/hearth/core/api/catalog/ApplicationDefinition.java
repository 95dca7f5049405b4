package dev.hearth.core.api.catalog;

import dev.hearth.core.api.ApiGroups;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** Describes one kind of the application catalog: its schema, its chart, and how the dashboard shows it. */
@Group(ApiGroups.PLATFORM)
@Version(ApiGroups.VERSION)
@ShortNames("appdef")
@Categories(ApiGroups.CATEGORY)
@AdditionalPrinterColumn(name = "Kind", jsonPath = ".spec.application.kind", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "Chart",
        jsonPath = ".spec.release.chart.name",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "Version",
        jsonPath = ".spec.release.chart.version",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "Ready",
        jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "Age",
        jsonPath = ".metadata.creationTimestamp",
        type = AdditionalPrinterColumn.Type.DATE)
public class ApplicationDefinition extends CustomResource<ApplicationDefinitionSpec, ApplicationDefinitionStatus> {

    @Override
    protected ApplicationDefinitionSpec initSpec() {
        return new ApplicationDefinitionSpec();
    }

    @Override
    protected ApplicationDefinitionStatus initStatus() {
        return new ApplicationDefinitionStatus();
    }
}
