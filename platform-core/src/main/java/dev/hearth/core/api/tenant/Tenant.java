package dev.hearth.core.api.tenant;

import dev.hearth.core.api.ApiGroups;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A tenant: the unit of isolation. A Tenant {@code foo} in namespace {@code tenant-root} owns namespace
 * {@code tenant-foo}; a Tenant {@code bar} in {@code tenant-foo} owns {@code tenant-foo-bar}.
 */
@Group(ApiGroups.APPS)
@Version(ApiGroups.VERSION)
@ShortNames("tn")
@Categories(ApiGroups.CATEGORY)
@ValidationRule(
        value = "self.metadata.name.matches('^[a-z][a-z0-9]*$')",
        message =
                "a Tenant name must start with a lowercase letter and contain only lowercase letters and digits (no dashes): the tenant namespace is built from it")
@ValidationRule(value = "size(self.metadata.name) <= 40", message = "a Tenant name must be at most 40 characters")
@AdditionalPrinterColumn(
        name = "Ready",
        jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Namespace", jsonPath = ".status.namespace", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Host", jsonPath = ".status.host", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "Reason",
        jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason",
        type = AdditionalPrinterColumn.Type.STRING,
        priority = 1)
@AdditionalPrinterColumn(
        name = "Age",
        jsonPath = ".metadata.creationTimestamp",
        type = AdditionalPrinterColumn.Type.DATE)
public class Tenant extends CustomResource<TenantSpec, TenantStatus> implements Namespaced {

    @Override
    protected TenantSpec initSpec() {
        return new TenantSpec();
    }

    @Override
    protected TenantStatus initStatus() {
        return new TenantStatus();
    }
}
