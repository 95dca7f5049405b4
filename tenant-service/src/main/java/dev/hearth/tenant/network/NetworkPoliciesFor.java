package dev.hearth.tenant.network;

import java.util.ArrayList;
import java.util.List;

import dev.hearth.core.Labels;
import dev.hearth.tenant.lineage.TenantPlacement;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;

/**
 * Standard NetworkPolicies of a tenant namespace (DESIGN.md §3), so any CNI enforces the isolation. Both directions
 * are selected for every pod, so whatever is not listed here is denied:
 * <ul>
 * <li>{@value #INGRESS}: from the namespace itself, from every ancestor namespace and from namespaces labelled
 * {@code hearth.dev/system: "true"};</li>
 * <li>{@value #EGRESS}: to the namespace itself and its descendants (a parent reaches its children), to the cluster
 * DNS, and to the shared-service pods (etcd, ingress, monitoring) of the ancestors;</li>
 * <li>{@value #SHARED_SERVICES_INGRESS}: the shared-service pods of this tenant also admit its descendants.</li>
 * </ul>
 * Siblings and unrelated tenants are neither ancestors nor descendants of one another, so they cannot talk.
 */
public final class NetworkPoliciesFor {
    public static final String INGRESS = "hearth-tenant-ingress";
    public static final String EGRESS = "hearth-tenant-egress";
    public static final String SHARED_SERVICES_INGRESS = "hearth-tenant-shared-services";
    /** Label of the pods of a shared service (etcd, ingress, monitoring) that descendants may reach. */
    public static final String SERVICE_LABEL = "hearth.dev/service";

    public static final List<String> SHARED_SERVICES = List.of("etcd", "ingress", "monitoring");

    static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

    private NetworkPoliciesFor() {}

    public static List<NetworkPolicy> desired(TenantPlacement placement) {
        return List.of(ingress(placement), egress(placement), sharedServicesIngress(placement));
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
        if (!placement.isRoot()) {
            from.add(new NetworkPolicyPeerBuilder()
                    .withNamespaceSelector(namespacesNamed(placement.ancestors()))
                    .build());
        }
        NetworkPolicyIngressRule rule =
                new NetworkPolicyIngressRuleBuilder().withFrom(from).build();
        return new NetworkPolicyBuilder()
                .withNewMetadata()
                .withName(INGRESS)
                .withNamespace(placement.namespace())
                .withLabels(placement.objectLabels())
                .endMetadata()
                .withNewSpec()
                .withPodSelector(new LabelSelector())
                .withPolicyTypes("Ingress")
                .withIngress(rule)
                .endSpec()
                .build();
    }

    static NetworkPolicy egress(TenantPlacement placement) {
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
                                .addToMatchLabels(NAMESPACE_NAME_LABEL, "kube-system")
                                .build())
                        .withPodSelector(new LabelSelectorBuilder()
                                .addToMatchLabels("k8s-app", "kube-dns")
                                .build())
                        .build())
                .addToPorts(new NetworkPolicyPortBuilder()
                        .withProtocol("UDP")
                        .withPort(new IntOrString(53))
                        .build())
                .addToPorts(new NetworkPolicyPortBuilder()
                        .withProtocol("TCP")
                        .withPort(new IntOrString(53))
                        .build())
                .build());
        if (!placement.isRoot()) {
            rules.add(new NetworkPolicyEgressRuleBuilder()
                    .addToTo(new NetworkPolicyPeerBuilder()
                            .withNamespaceSelector(namespacesNamed(placement.ancestors()))
                            .withPodSelector(sharedServicePods())
                            .build())
                    .build());
        }
        return new NetworkPolicyBuilder()
                .withNewMetadata()
                .withName(EGRESS)
                .withNamespace(placement.namespace())
                .withLabels(placement.objectLabels())
                .endMetadata()
                .withNewSpec()
                .withPodSelector(new LabelSelector())
                .withPolicyTypes("Egress")
                .withEgress(rules)
                .endSpec()
                .build();
    }

    static NetworkPolicy sharedServicesIngress(TenantPlacement placement) {
        return new NetworkPolicyBuilder()
                .withNewMetadata()
                .withName(SHARED_SERVICES_INGRESS)
                .withNamespace(placement.namespace())
                .withLabels(placement.objectLabels())
                .endMetadata()
                .withNewSpec()
                .withPodSelector(sharedServicePods())
                .withPolicyTypes("Ingress")
                .addNewIngress()
                .addNewFrom()
                .withNamespaceSelector(descendants(placement))
                .endFrom()
                .endIngress()
                .endSpec()
                .build();
    }

    /** Every descendant of the tenant, itself included, through the ancestor label each tenant namespace carries. */
    private static LabelSelector descendants(TenantPlacement placement) {
        return new LabelSelectorBuilder()
                .addToMatchLabels(Labels.tenantAncestor(placement.namespace()), "")
                .build();
    }

    private static LabelSelector sharedServicePods() {
        return new LabelSelectorBuilder()
                .addNewMatchExpression()
                .withKey(SERVICE_LABEL)
                .withOperator("In")
                .withValues(SHARED_SERVICES)
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
