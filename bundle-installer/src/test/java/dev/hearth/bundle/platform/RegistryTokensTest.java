package dev.hearth.bundle.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.sun.net.httpserver.HttpServer;

/**
 * Where a token is asked for (the realm with service and scopes; HTTPS, plain HTTP on loopback only), and how long it
 * is kept: a token endpoint on loopback that answers what each test sets, and a clock the test moves.
 */
class RegistryTokensTest {
    private final AtomicReference<String> answer = new AtomicReference<>();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final MovableClock clock = new MovableClock();
    private HttpServer server;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/token", exchange -> {
            try (exchange) {
                asked.add(exchange.getRequestURI().toString());
                byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "https://auth.docker.io/token | registry.docker.io | repository:a/b:pull"
                        + " | https://auth.docker.io/token?service=registry.docker.io&scope=repository%3Aa%2Fb%3Apull",
                "https://ghcr.io/token?x=1    |                    | repository:c:pull"
                        + " | https://ghcr.io/token?x=1&scope=repository%3Ac%3Apull",
                "http://127.0.0.1:8080/token  | s                  |" + " | http://127.0.0.1:8080/token?service=s",
                "http://localhost/t           |                    |" + " | http://localhost/t"
            })
    void theTokenIsAskedForAtTheRealmWithTheServiceAndTheScopes(
            String realm, String service, String scope, String uri) {
        BearerChallenge challenge =
                new BearerChallenge(realm, service, scope == null ? List.of() : List.of(scope), null);

        assertThat(RegistryTokens.uri(challenge)).hasToString(uri);
    }

    @ParameterizedTest
    @CsvSource({"http://auth.example/token", "http://10.0.0.1/token", "ftp://127.0.0.1/token", "/token"})
    void aRealmThatIsNeitherHttpsNorOnLoopbackIsRefused(String realm) {
        assertThatThrownBy(() -> RegistryTokens.uri(new BearerChallenge(realm, "s", List.of(), null)))
                .hasMessage("The token realm " + realm + " is not HTTPS (plain HTTP only on a loopback host)");
    }

    @Test
    void aTokenIsKeptUntilItExpires() {
        RegistryTokens tokens = new RegistryTokens(new ChartHttp(), clock);
        BearerChallenge challenge = challenge("repository:a:pull");
        answer.set("{\"token\":\"first\",\"expires_in\":300}");

        assertThat(tokens.token(challenge)).isEqualTo("first");
        answer.set("{\"token\":\"second\",\"expires_in\":300}");
        clock.move(Duration.ofSeconds(299));
        assertThat(tokens.token(challenge)).isEqualTo("first");
        clock.move(Duration.ofSeconds(1));
        assertThat(tokens.token(challenge)).isEqualTo("second");
        assertThat(asked).hasSize(2);
    }

    @Test
    void aTokenWithoutALifetimeIsKeptSixtySecondsAndAccessTokenServesAsWell() {
        RegistryTokens tokens = new RegistryTokens(new ChartHttp(), clock);
        answer.set("{\"access_token\":\"oauth\"}");

        assertThat(tokens.token(challenge("repository:a:pull"))).isEqualTo("oauth");
        clock.move(Duration.ofSeconds(59));
        assertThat(tokens.token(challenge("repository:a:pull"))).isEqualTo("oauth");
        clock.move(Duration.ofSeconds(1));
        tokens.token(challenge("repository:a:pull"));
        assertThat(asked).hasSize(2);
    }

    @Test
    void anotherScopeHasItsOwnTokenAndAForgottenOneIsAskedForAgain() {
        RegistryTokens tokens = new RegistryTokens(new ChartHttp(), clock);
        answer.set("{\"token\":\"t\",\"expires_in\":300}");

        tokens.token(challenge("repository:a:pull"));
        tokens.token(challenge("repository:b:pull"));
        tokens.forget(challenge("repository:a:pull"));
        tokens.token(challenge("repository:a:pull"));
        tokens.token(challenge("repository:b:pull"));

        assertThat(asked).hasSize(3);
    }

    @Test
    void anAnswerWithoutATokenIsNoToken() {
        answer.set("{\"expires_in\":300}");

        assertThatThrownBy(() -> new RegistryTokens(new ChartHttp(), clock).token(challenge("repository:a:pull")))
                .hasMessageMatching("The token endpoint http://127.0.0.1:\\d+/token answered no token for"
                        + " scope repository:a:pull");
    }

    private BearerChallenge challenge(String scope) {
        return new BearerChallenge(
                "http://127.0.0.1:" + server.getAddress().getPort() + "/token", "s", List.of(scope), null);
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
