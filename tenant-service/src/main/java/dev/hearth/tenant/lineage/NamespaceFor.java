package dev.hearth.tenant.lineage;

import java.util.Map;

import dev.hearth.core.Labels;
import dev.hearth.core.api.tenant.TenantServices;
import dev.hearth.core.tenant.TenantFacts;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;

/**
 * The namespace of a tenant, labelled with its lineage and annotated with what it inherits (the source consumers trust:
 * only tenant-service writes Namespaces); tenant-root's also refuses deletion.
 *
 * <p>Pod Security Admission enforces the {@code baseline} level on every tenant namespace: the API server refuses
 * privileged, host-network, host-PID/IPC and hostPath pods whoever creates them (a chart's values, an operator acting
 * on a tenant's custom resource, a controller). Warnings go to whoever creates a workload whose pod template would be
 * refused; the audit log also records what {@code restricted} would refuse, the level to move to once every app's
 * pods pass it.
 */
public final class NamespaceFor {
    public static final String POD_SECURITY_ENFORCE = "pod-security.kubernetes.io/enforce";
    public static final String POD_SECURITY_WARN = "pod-security.kubernetes.io/warn";
    public static final String POD_SECURITY_AUDIT = "pod-security.kubernetes.io/audit";

    private NamespaceFor() {}

    public static Namespace desired(TenantPlacement placement) {
        var builder = new NamespaceBuilder()
                .withNewMetadata()
                .withName(placement.namespace())
                .withLabels(placement.namespaceLabels())
                .addToLabels(POD_SECURITY_ENFORCE, "baseline")
                .addToLabels(POD_SECURITY_WARN, "baseline")
                .addToLabels(POD_SECURITY_AUDIT, "restricted")
                .withAnnotations(facts(placement))
                .endMetadata();
        if (placement.isRoot()) {
            builder.editMetadata().addToLabels(Labels.NO_DELETE, "true").endMetadata();
        }
        return builder.build();
    }

    /** The inherited services' namespaces and the host, as {@link TenantFacts#annotations}. */
    static Map<String, String> facts(TenantPlacement placement) {
        TenantServices services = placement.services() == null ? new TenantServices() : placement.services();
        return new TenantFacts(placement.namespace(), services, placement.host()).annotations();
    }
}
