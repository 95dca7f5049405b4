package dev.hearth.bundle.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hearth.bundle.model.Chart;
import dev.hearth.bundle.validation.ChartSchema;
import dev.hearth.core.testing.TestOciRegistry;
import dev.hearth.core.testing.TestRegistryTokens;

/**
 * A chart's {@code values.schema.json} from a registry that serves even anonymous pulls only with a token, as ghcr.io
 * and Docker Hub do: distribution's registry (its 401 challenge and its check of the token are the real ones) and a
 * token endpoint of the test's ({@link TestRegistryTokens}). Without an API server.
 */
class ChartSchemasThroughTokensIT {
    private static final Path CHARTS = Path.of("src/test/resources/flux-charts");
    private static TestRegistryTokens tokens;
    private static TestOciRegistry registry;

    @RegisterExtension
    final ChartSchemaWarnings warnings = new ChartSchemaWarnings();

    @BeforeAll
    static void pushTheTestChart() {
        tokens = TestRegistryTokens.start();
        registry = TestOciRegistry.withTokens(tokens);
        registry.push("charts", CHARTS.resolve("extra-config"));
    }

    @AfterAll
    static void stop() {
        registry.close();
        tokens.close();
    }

    @AfterEach
    void release() {
        tokens.refuseWith(0);
        tokens.grantNothing(false);
    }

    @Test
    void theSchemaIsReadWithOneAnonymousTokenForTheManifestAndTheBlob() throws IOException {
        Chart chart = new Chart(registry.url("charts"), "extra-config", "1.0.0");
        int before = tokens.requests();

        assertThat(new ChartSchemas().of(chart).map(ChartSchema::schema))
                .contains(new ObjectMapper()
                        .readTree(Files.readString(CHARTS.resolve("extra-config/values.schema.json"))));
        assertThat(warnings.messages()).isEmpty();
        assertThat(tokens.requests() - before).isEqualTo(1);
    }

    @Test
    void aTokenEndpointThatRefusesLeavesTheValuesNotCheckedWithAWarningThatSaysSo() {
        Chart chart = new Chart(registry.url("charts"), "extra-config", "1.0.0");
        tokens.refuseWith(403);

        assertThat(new ChartSchemas().of(chart)).isEmpty();
        assertThat(warnings.messages())
                .singleElement()
                .asString()
                .isEqualTo("Values of extra-config 1.0.0 not checked: GET http://" + registry.host()
                        + "/v2/charts/extra-config/manifests/1.0.0: HTTP 401, and no token: The token endpoint "
                        + tokens.realm() + " answered HTTP 403 for scope repository:charts/extra-config:pull");
    }

    @Test
    void aTokenTheRegistryRefusesLeavesTheValuesNotCheckedWithTheRegistrysReason() {
        Chart chart = new Chart(registry.url("charts"), "extra-config", "1.0.0");
        tokens.grantNothing(true);

        assertThat(new ChartSchemas().of(chart)).isEmpty();
        assertThat(warnings.messages())
                .singleElement()
                .asString()
                .isEqualTo("Values of extra-config 1.0.0 not checked: GET http://" + registry.host()
                        + "/v2/charts/extra-config/manifests/1.0.0: HTTP 401 with the anonymous token of "
                        + tokens.realm() + " for scope repository:charts/extra-config:pull (insufficient_scope)");
    }

    @Test
    void valuesNotCheckedForARefusedTokenAreCheckedOnTheNextPassOnceATokenIsGiven() {
        ChartSchemas schemas = new ChartSchemas();
        Chart chart = new Chart(registry.url("charts"), "extra-config", "1.0.0");
        tokens.refuseWith(503);
        assertThat(schemas.of(chart)).isEmpty();

        tokens.refuseWith(0);
        assertThat(schemas.of(chart)).isPresent();
    }
}
