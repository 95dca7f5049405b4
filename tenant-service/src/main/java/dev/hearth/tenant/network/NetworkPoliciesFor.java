package dev.hearth.tenant.network;

import java.util.ArrayList;
import java.util.List;

import dev.hearth.core.Labels;
import dev.hearth.tenant.lineage.TenantPlacement;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlockBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpecBuilder;

/**
 * Standard NetworkPolicies of a tenant namespace (docs/design.md, "Tenants"; docs/tenant-service.md, "Network
 * policies"), so any enforcing CNI isolates tenants. Both directions are selected for every pod, so whatever is not
 * listed here is denied:
 * <ul>
 * <li>{@value #INGRESS}: from the namespace itself, its ancestors, kube-system and {@code hearth.dev/system}
 * namespaces (webhook servers and the CDI upload proxy live there);</li>
 * <li>{@value #EGRESS}: to the namespace and its descendants (a parent reaches its children), the cluster DNS, the
 * ancestors' shared-service pods, and the internet unless an administrator turned it off;</li>
 * <li>{@value #SHARED_SERVICES_INGRESS}: this tenant's ingress, monitoring and seaweedfs pods also admit its
 * descendants;</li>
 * <li>{@value #ETCD_INGRESS}: this tenant's etcd pods admit only the descendants' etcd clients (tenant cluster
 * control planes), on the client port;</li>
 * <li>{@value #EXPOSED_INGRESS}: pods labelled {@code hearth.dev/exposed: "true"} admit any address;</li>
 * <li>{@value #API_SERVER_EGRESS}: pods labelled {@code hearth.dev/api-access: "true"} reach the API server.</li>
 * </ul>
 * Siblings and unrelated tenants are neither ancestors nor descendants of one another, so they cannot talk; the
 * internet excludes the private ranges, so egress to it opens no pod of the cluster.
 */
public final class NetworkPoliciesFor {
    public static final String INGRESS = "hearth-tenant-ingress";
    public static final String EGRESS = "hearth-tenant-egress";
    public static final String SHARED_SERVICES_INGRESS = "hearth-tenant-shared-services";
    public static final String ETCD_INGRESS = "hearth-tenant-etcd";
    public static final String EXPOSED_INGRESS = "hearth-tenant-exposed";
    public static final String API_SERVER_EGRESS = "hearth-tenant-api-server";

    /** Shared services whose pods admit every pod of the descendants. */
    public static final List<String> OPEN_SHARED_SERVICES = List.of("ingress", "monitoring", "seaweedfs");

    public static final String ETCD = "etcd";
    public static final int ETCD_CLIENT_PORT = 2379;
    /**
     * Kamaji's label on the pods of a tenant control plane (its API servers are the etcd clients). Tenant levels
     * cannot create pods, but super-admins can create KubeVirt VirtualMachines, whose template labels reach their pods.
     */
    public static final String ETCD_CLIENT_LABEL = "kamaji.clastix.io/component";

    public static final String ETCD_CLIENT_VALUE = "deployment";
    public static final List<Integer> API_SERVER_PORTS = List.of(443, 6443);

    static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";
    static final String KUBE_SYSTEM = "kube-system";
    static final String ANY_V4 = "0.0.0.0/0";
    static final String ANY_V6 = "::/0";

    private NetworkPoliciesFor() {}

    public static List<NetworkPolicy> desired(TenantPlacement placement, TenantNetwork network) {
        return List.of(
                ingress(placement),
                egress(placement, network),
                sharedServicesIngress(placement),
                etcdIngress(placement),
                exposedIngress(placement),
                apiServerEgress(placement, network));
    }

    static NetworkPolicy ingress(TenantPlacement placement) {
        List<NetworkPolicyPeer> from = new ArrayList<>();
        from.add(new NetworkPolicyPeerBuilder()
                .withPodSelector(new LabelSelector())
                .build());
        from.add(new NetworkPolicyPeerBuilder()
                .withNamespaceSelector(new LabelSelectorBuilder()
                        .addToMatchLabels(Labels.SYSTEM, "true")
                        .build())
                .build());
        from.add(new NetworkPolicyPeerBuilder()
                .withNamespaceSelector(namespacesNamed(List.of(KUBE_SYSTEM)))
                .build());
        if (!placement.isRoot()) {
            from.add(new NetworkPolicyPeerBuilder()
                    .withNamespaceSelector(namespacesNamed(placement.ancestors()))
                    .build());
        }
        return policy(
                INGRESS,
                placement,
                new NetworkPolicySpecBuilder()
                        .withPodSelector(new LabelSelector())
                        .withPolicyTypes("Ingress")
                        .addToIngress(new NetworkPolicyIngressRuleBuilder()
                                .withFrom(from)
                                .build()));
    }

    static NetworkPolicy egress(TenantPlacement placement, TenantNetwork network) {
        List<NetworkPolicyEgressRule> rules = new ArrayList<>();
        rules.add(new NetworkPolicyEgressRuleBuilder()
                .addToTo(new NetworkPolicyPeerBuilder()
                        .withPodSelector(new LabelSelector())
                        .build())
                .addToTo(new NetworkPolicyPeerBuilder()
                        .withNamespaceSelector(descendants(placement))
                        .build())
                .build());
        rules.add(new NetworkPolicyEgressRuleBuilder()
                .addToTo(new NetworkPolicyPeerBuilder()
                        .withNamespaceSelector(new LabelSelectorBuilder()
                                .addToMatchLabels(NAMESPACE_NAME_LABEL, KUBE_SYSTEM)
                                .build())
                        .withPodSelector(new LabelSelectorBuilder()
                                .addToMatchLabels("k8s-app", "kube-dns")
                                .build())
                        .build())
                .addToPorts(port("UDP", 53))
                .addToPorts(port("TCP", 53))
                .build());
        if (!placement.isRoot()) {
            // etcd among them: its pods' own policy admits only etcd clients
            rules.add(new NetworkPolicyEgressRuleBuilder()
                    .addToTo(new NetworkPolicyPeerBuilder()
                            .withNamespaceSelector(namespacesNamed(placement.ancestors()))
                            .withPodSelector(servicePods(sharedServices()))
                            .build())
                    .build());
        }
        if (network.internetEgress()) {
            rules.add(new NetworkPolicyEgressRuleBuilder()
                    .addToTo(ipBlock(ANY_V4, TenantNetwork.NOT_INTERNET_V4))
                    .addToTo(ipBlock(ANY_V6, TenantNetwork.NOT_INTERNET_V6))
                    .build());
        }
        return policy(
                EGRESS,
                placement,
                new NetworkPolicySpecBuilder()
                        .withPodSelector(new LabelSelector())
                        .withPolicyTypes("Egress")
                        .withEgress(rules));
    }

    static NetworkPolicy sharedServicesIngress(TenantPlacement placement) {
        return policy(
                SHARED_SERVICES_INGRESS,
                placement,
                new NetworkPolicySpecBuilder()
                        .withPodSelector(servicePods(OPEN_SHARED_SERVICES))
                        .withPolicyTypes("Ingress")
                        .addNewIngress()
                        .addNewFrom()
                        .withNamespaceSelector(descendants(placement))
                        .endFrom()
                        .endIngress());
    }

    /** The only way in from descendants: a tenant cluster's state is in this etcd, an ordinary pod has no business there. */
    static NetworkPolicy etcdIngress(TenantPlacement placement) {
        return policy(
                ETCD_INGRESS,
                placement,
                new NetworkPolicySpecBuilder()
                        .withPodSelector(servicePods(List.of(ETCD)))
                        .withPolicyTypes("Ingress")
                        .addNewIngress()
                        .addNewFrom()
                        .withNamespaceSelector(descendants(placement))
                        .withPodSelector(new LabelSelectorBuilder()
                                .addToMatchLabels(ETCD_CLIENT_LABEL, ETCD_CLIENT_VALUE)
                                .build())
                        .endFrom()
                        .addToPorts(port("TCP", ETCD_CLIENT_PORT))
                        .endIngress());
    }

    /**
     * Pods behind a LoadBalancer or NodePort Service, and the tenant's ingress controller: NetworkPolicy cannot select
     * by Service, so the charts label these pods. The source address of such traffic is a client's or, after SNAT, a
     * node's; both are in {@code 0.0.0.0/0}.
     */
    static NetworkPolicy exposedIngress(TenantPlacement placement) {
        return policy(
                EXPOSED_INGRESS,
                placement,
                new NetworkPolicySpecBuilder()
                        .withPodSelector(new LabelSelectorBuilder()
                                .addToMatchLabels(Labels.EXPOSED, "true")
                                .build())
                        .withPolicyTypes("Ingress")
                        .addNewIngress()
                        .addToFrom(ipBlock(ANY_V4, List.of()))
                        .addToFrom(ipBlock(ANY_V6, List.of()))
                        .endIngress());
    }

    static NetworkPolicy apiServerEgress(TenantPlacement placement, TenantNetwork network) {
        return policy(
                API_SERVER_EGRESS,
                placement,
                new NetworkPolicySpecBuilder()
                        .withPodSelector(new LabelSelectorBuilder()
                                .addToMatchLabels(Labels.API_ACCESS, "true")
                                .build())
                        .withPolicyTypes("Egress")
                        .addNewEgress()
                        .withTo(network.apiServerCidrs().stream()
                                .map(cidr -> ipBlock(cidr, List.of()))
                                .toList())
                        .withPorts(API_SERVER_PORTS.stream()
                                .map(port -> port("TCP", port))
                                .toList())
                        .endEgress());
    }

    private static NetworkPolicy policy(String name, TenantPlacement placement, NetworkPolicySpecBuilder spec) {
        return new NetworkPolicyBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(placement.namespace())
                .withLabels(placement.objectLabels())
                .endMetadata()
                .withSpec(spec.build())
                .build();
    }

    /** Every shared service, etcd included. */
    private static List<String> sharedServices() {
        List<String> all = new ArrayList<>();
        all.add(ETCD);
        all.addAll(OPEN_SHARED_SERVICES);
        return all;
    }

    private static NetworkPolicyPeer ipBlock(String cidr, List<String> except) {
        return new NetworkPolicyPeerBuilder()
                .withIpBlock(
                        new IPBlockBuilder().withCidr(cidr).withExcept(except).build())
                .build();
    }

    private static NetworkPolicyPort port(String protocol, int port) {
        return new NetworkPolicyPortBuilder()
                .withProtocol(protocol)
                .withPort(new IntOrString(port))
                .build();
    }

    /** Every descendant of the tenant, itself included, through the ancestor label each tenant namespace carries. */
    private static LabelSelector descendants(TenantPlacement placement) {
        return new LabelSelectorBuilder()
                .addToMatchLabels(Labels.tenantAncestor(placement.namespace()), "")
                .build();
    }

    private static LabelSelector servicePods(List<String> services) {
        return new LabelSelectorBuilder()
                .addNewMatchExpression()
                .withKey(Labels.SERVICE)
                .withOperator("In")
                .withValues(services)
                .endMatchExpression()
                .build();
    }

    private static LabelSelector namespacesNamed(List<String> names) {
        return new LabelSelectorBuilder()
                .addNewMatchExpression()
                .withKey(NAMESPACE_NAME_LABEL)
                .withOperator("In")
                .withValues(names)
                .endMatchExpression()
                .build();
    }
}
