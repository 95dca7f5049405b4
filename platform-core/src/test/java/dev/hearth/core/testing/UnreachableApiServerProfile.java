package dev.hearth.core.testing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Points a service at an API server address where nothing listens. */
public class UnreachableApiServerProfile implements QuarkusTestProfile {
    /** Port 1 on loopback: connections are refused at once. */
    public static final String URL = "https://127.0.0.1:1";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.kubernetes-client.api-server-url", URL,
                "quarkus.kubernetes-client.trust-certs", "true",
                "quarkus.kubernetes-client.connection-timeout", "PT1S",
                "quarkus.kubernetes-client.request-timeout", "PT1S",
                "quarkus.kubernetes-client.request-retry-backoff-limit", "0",
                "hearth.health.api-server-timeout", "PT2S",
                // operators: give up waiting for informers quickly; they keep retrying in the background
                "quarkus.operator-sdk.cache-sync-timeout", "PT2S");
    }
}
