package dev.hearth.tenant.network;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

/**
 * The semantics of standard NetworkPolicies, small enough to read: a connection is allowed when the source's egress
 * allows it and the destination's ingress allows it. A pod no policy selects for a direction is not isolated in that
 * direction. An ipBlock matches by address, pods' addresses too (as Calico does; the strictest reading for isolation,
 * since other CNIs match only addresses outside the cluster); an address outside the cluster matches no selector.
 */
final class NetworkPolicyEvaluator {

    /** A pod, or with {@code namespace} null an address outside the cluster (the internet, the API server's node). */
    record Pod(String namespace, Map<String, String> labels, String ip) {
        static Pod outside(String ip) {
            return new Pod(null, Map.of(), ip);
        }
    }

    private final Map<String, Map<String, String>> namespaceLabels;
    private final List<NetworkPolicy> policies;

    NetworkPolicyEvaluator(Map<String, Map<String, String>> namespaceLabels, List<NetworkPolicy> policies) {
        this.namespaceLabels = namespaceLabels;
        this.policies = policies;
    }

    boolean allowed(Pod from, Pod to, String protocol, int port) {
        return direction(from, to, from, "Egress", protocol, port)
                && direction(to, from, from, "Ingress", protocol, port);
    }

    /** Whether {@code subject}'s policies of one direction admit {@code peer}. */
    private boolean direction(Pod subject, Pod peer, Pod source, String type, String protocol, int port) {
        List<NetworkPolicy> selecting = policies.stream()
                .filter(p -> p.getMetadata().getNamespace().equals(subject.namespace()))
                .filter(p -> p.getSpec().getPolicyTypes().contains(type))
                .filter(p -> matches(p.getSpec().getPodSelector(), subject.labels()))
                .toList();
        if (selecting.isEmpty()) {
            return true;
        }
        for (NetworkPolicy policy : selecting) {
            if (type.equals("Ingress")) {
                for (var rule : policy.getSpec().getIngress()) {
                    if (peersMatch(rule.getFrom(), policy, peer) && portsMatch(rule.getPorts(), protocol, port)) {
                        return true;
                    }
                }
            } else {
                for (var rule : policy.getSpec().getEgress()) {
                    if (peersMatch(rule.getTo(), policy, peer) && portsMatch(rule.getPorts(), protocol, port)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean peersMatch(List<NetworkPolicyPeer> peers, NetworkPolicy policy, Pod peer) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPeer candidate : peers) {
            if (candidate.getIpBlock() != null) {
                if (within(peer.ip(), candidate.getIpBlock().getCidr())
                        && candidate.getIpBlock().getExcept().stream().noneMatch(except -> within(peer.ip(), except))) {
                    return true;
                }
                continue;
            }
            if (peer.namespace() == null) {
                continue;
            }
            boolean namespaceOk = candidate.getNamespaceSelector() == null
                    ? peer.namespace().equals(policy.getMetadata().getNamespace())
                    : matches(
                            candidate.getNamespaceSelector(), namespaceLabels.getOrDefault(peer.namespace(), Map.of()));
            boolean podOk = candidate.getPodSelector() == null || matches(candidate.getPodSelector(), peer.labels());
            if (namespaceOk && podOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean portsMatch(List<NetworkPolicyPort> ports, String protocol, int port) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        return ports.stream()
                .anyMatch(p -> (p.getProtocol() == null ? "TCP" : p.getProtocol()).equals(protocol)
                        && (p.getPort() == null || p.getPort().getIntVal() == port));
    }

    /** Whether the literal address {@code ip} is in {@code cidr}; an IPv4 address is in no IPv6 range and back. */
    static boolean within(String ip, String cidr) {
        String[] parts = cidr.split("/");
        byte[] address = literal(ip);
        byte[] network = literal(parts[0]);
        if (address.length != network.length) {
            return false;
        }
        int bits = Integer.parseInt(parts[1]);
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >> (i % 8);
            if ((address[i / 8] & mask) != (network[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] literal(String ip) {
        if (!ip.matches("[0-9a-fA-F.:]+")) {
            throw new IllegalArgumentException("not an address literal: " + ip);
        }
        try {
            return InetAddress.getByName(ip).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(ip, e);
        }
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector.getMatchLabels() != null) {
            for (var entry : selector.getMatchLabels().entrySet()) {
                if (!entry.getValue().equals(labels.get(entry.getKey()))) {
                    return false;
                }
            }
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
                String value = labels.get(requirement.getKey());
                boolean ok = switch (requirement.getOperator()) {
                    case "In" -> value != null && requirement.getValues().contains(value);
                    case "NotIn" -> value == null || !requirement.getValues().contains(value);
                    case "Exists" -> labels.containsKey(requirement.getKey());
                    case "DoesNotExist" -> !labels.containsKey(requirement.getKey());
                    default -> throw new IllegalArgumentException("Unknown operator " + requirement.getOperator());
                };
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }
}
