package dev.hearth.core.api.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Namespaces of the nearest ancestor (inclusive) that runs each shared service; absent when none does. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TenantServices {
    public String etcd;
    public String ingress;
    public String monitoring;
    public String seaweedfs;

    public TenantServices() {}

    public TenantServices(String etcd, String ingress, String monitoring, String seaweedfs) {
        this.etcd = etcd;
        this.ingress = ingress;
        this.monitoring = monitoring;
        this.seaweedfs = seaweedfs;
    }
}
