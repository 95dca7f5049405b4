package dev.hearth.tenant.modules;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import dev.hearth.core.api.tenant.TenantSpec;

/**
 * The shared services a tenant may run for itself and its descendants. Each runs as an app instance of a catalog
 * kind in the tenant namespace; apps-catalog serves the kind and turns the instance into a HelmRelease.
 */
public enum TenantModule {
    ETCD("Etcd", "etcd", spec -> spec.etcd),
    INGRESS("Ingress", "ingress", spec -> spec.ingress),
    MONITORING("Monitoring", "monitoring", spec -> spec.monitoring),
    SEAWEEDFS("SeaweedFS", "seaweedfs", spec -> spec.seaweedfs);

    private final String kind;
    private final String instanceName;
    private final Function<TenantSpec, Boolean> flag;

    TenantModule(String kind, String instanceName, Function<TenantSpec, Boolean> flag) {
        this.kind = kind;
        this.instanceName = instanceName;
        this.flag = flag;
    }

    /** The catalog kind in apps.hearth.dev, e.g. {@code Etcd}. */
    public String kind() {
        return kind;
    }

    /** The name of the one instance per tenant namespace, e.g. {@code etcd}. */
    public String instanceName() {
        return instanceName;
    }

    /**
     * The name apps-catalog gives the HelmRelease of this module's instance: the release prefix of the module's
     * catalog definition (apps-catalog/src/main/resources/catalog/&lt;instance name&gt;.yaml, {@code spec.release.prefix},
     * the instance name followed by {@code -}) and then the instance name, e.g. {@code etcd-etcd}. The chart names
     * its objects after it (the etcd Service, its TLS Secrets).
     */
    public String releaseName() {
        return instanceName + "-" + instanceName;
    }

    public boolean wantedBy(TenantSpec spec) {
        return Boolean.TRUE.equals(flag.apply(spec));
    }

    /** The modules {@code spec} asks for, in declaration order. */
    public static List<TenantModule> requestedBy(TenantSpec spec) {
        return Arrays.stream(values()).filter(module -> module.wantedBy(spec)).toList();
    }
}
