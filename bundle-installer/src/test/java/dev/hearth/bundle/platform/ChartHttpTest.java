package dev.hearth.bundle.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * Redirects, as a registry sends a blob on to its store: the token follows within the registry's origin only. Two
 * servers on 127.0.0.1, so two origins (their ports differ); each records the Authorization header it got.
 */
class ChartHttpTest {
    private final List<String> registrySaw = new CopyOnWriteArrayList<>();
    private final List<String> storeSaw = new CopyOnWriteArrayList<>();
    private HttpServer registry;
    private HttpServer store;

    @BeforeEach
    void serve() throws IOException {
        store = server(storeSaw);
        registry = server(registrySaw);
        registry.createContext("/to-store", exchange -> {
            try (exchange) {
                registrySaw.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                exchange.getResponseHeaders().set("Location", url(store, "/blob?signature=s"));
                exchange.sendResponseHeaders(307, -1);
            }
        });
        registry.createContext("/moved", exchange -> {
            try (exchange) {
                registrySaw.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                exchange.getResponseHeaders().set("Location", "/blob");
                exchange.sendResponseHeaders(302, -1);
            }
        });
        registry.createContext("/loop", exchange -> {
            try (exchange) {
                exchange.getResponseHeaders().set("Location", "/loop");
                exchange.sendResponseHeaders(302, -1);
            }
        });
    }

    @AfterEach
    void stop() {
        registry.stop(0);
        store.stop(0);
    }

    @Test
    void aRedirectToAnotherOriginGetsNoToken() {
        byte[] body = new ChartHttp()
                .send(URI.create(url(registry, "/to-store")), null, "Bearer t")
                .body();

        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("blob");
        assertThat(registrySaw).containsExactly("Bearer t");
        assertThat(storeSaw).containsExactly("null");
    }

    @Test
    void aRedirectWithinTheOriginKeepsTheToken() {
        new ChartHttp().send(URI.create(url(registry, "/moved")), null, "Bearer t");

        assertThat(registrySaw).containsExactly("Bearer t", "Bearer t");
    }

    @Test
    void endlessRedirectsFail() {
        assertThatThrownBy(() -> new ChartHttp().get(URI.create(url(registry, "/loop")), null))
                .hasMessageEndingWith("/loop: more than 5 redirects");
    }

    private static HttpServer server(List<String> saw) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/blob", exchange -> {
            try (exchange) {
                saw.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                byte[] body = "blob".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        return server;
    }

    private static String url(HttpServer server, String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }
}
