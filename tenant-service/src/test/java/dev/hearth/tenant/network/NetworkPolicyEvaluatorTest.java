package dev.hearth.tenant.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The evaluator's address ranges, on which the internet and API server rows of TenantIsolationIT rely. */
class NetworkPolicyEvaluatorTest {

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource({
        "203.0.113.7,     0.0.0.0/0,      true",
        "10.244.3.10,     10.0.0.0/8,     true",
        "11.0.0.1,        10.0.0.0/8,     false",
        "172.31.255.255,  172.16.0.0/12,  true",
        "172.32.0.1,      172.16.0.0/12,  false",
        "169.254.169.254, 169.254.0.0/16, true",
        "192.168.10.5,    192.168.10.5/32, true",
        "192.168.10.6,    192.168.10.5/32, false",
        "2001:db8::7,     ::/0,           true",
        "fd00::1,         fc00::/7,       true",
        "2001:db8::7,     fc00::/7,       false",
        "203.0.113.7,     ::/0,           false",
        "2001:db8::7,     0.0.0.0/0,      false",
    })
    void addressesFallInRangesByTheirPrefix(String ip, String cidr, boolean within) {
        assertThat(NetworkPolicyEvaluator.within(ip, cidr)).isEqualTo(within);
    }
}
