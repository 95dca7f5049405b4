package dev.hearth.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A registry's token endpoint, as the distribution token spec has it, on 127.0.0.1 (plain HTTP): {@code GET
 * /token?service=<service>&scope=repository:<name>:<actions>} answers {@code {"token": <JWT>, "expires_in": 300}},
 * the JWT signed RS256 with a key made for this server, its {@code kid} in the header, and the claims distribution's
 * registry checks ({@code iss}, {@code aud} = the service, {@code exp}, {@code nbf}; the {@code access} list). No
 * accounts: every caller is anonymous and gets what it asks for, unless the test says otherwise ({@link #refuseWith},
 * {@link #grantNothing}). {@link TestOciRegistry#withTokens} runs a registry that trusts this key ({@link #jwks()}).
 */
public final class TestRegistryTokens implements AutoCloseable {
    public static final String SERVICE = "hearth-test-registry";
    public static final String ISSUER = "hearth-test-token-server";
    private static final String KEY_ID = "hearth-test-key";
    private static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair key;
    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile int refusal;
    private volatile boolean grantNothing;

    private TestRegistryTokens(KeyPair key, HttpServer server) {
        this.key = key;
        this.server = server;
    }

    /** Starts the endpoint on a free port of 127.0.0.1. */
    public static TestRegistryTokens start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            TestRegistryTokens tokens = new TestRegistryTokens(generator.generateKeyPair(), server);
            server.createContext("/token", tokens::answer);
            server.start();
            return tokens;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The endpoint's URL, the registry's {@code auth.token.realm}. */
    public String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    /** The requests it answered (refused ones too). */
    public int requests() {
        return requests.get();
    }

    /** From now on every request is answered with this status and no token; 0 answers again. */
    public void refuseWith(int status) {
        refusal = status;
    }

    /** From now on (while true) the tokens grant no access: a registry answers them with 401 insufficient_scope. */
    public void grantNothing(boolean nothing) {
        grantNothing = nothing;
    }

    /** A token for {@code scope} from this endpoint, over HTTP as any client gets it (e.g. for a push). */
    public String token(String scope) {
        URI uri = URI.create(
                realm() + "?service=" + SERVICE + "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + uri + ": HTTP " + response.statusCode());
            }
            return JSON.readTree(response.body()).path("token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The public key as a JSON Web Key Set, the registry's {@code auth.token.jwks}. */
    public String jwks() {
        RSAPublicKey rsa = (RSAPublicKey) key.getPublic();
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("kid", KEY_ID);
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("n", BASE64URL.encodeToString(unsigned(rsa.getModulus())));
        jwk.put("e", BASE64URL.encodeToString(unsigned(rsa.getPublicExponent())));
        try {
            return JSON.writeValueAsString(Map.of("keys", List.of(jwk)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            if (refusal != 0) {
                exchange.sendResponseHeaders(refusal, -1);
                return;
            }
            String service = null;
            List<String> scopes = new ArrayList<>();
            String query = exchange.getRequestURI().getRawQuery();
            for (String pair : query == null ? new String[0] : query.split("&")) {
                String[] nameValue = pair.split("=", 2);
                String value = nameValue.length == 2 ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : "";
                if (nameValue[0].equals("service")) {
                    service = value;
                } else if (nameValue[0].equals("scope")) {
                    scopes.add(value);
                }
            }
            Instant now = Instant.now();
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("token", jwt(service, grantNothing ? List.of() : scopes, now));
            answer.put("expires_in", LIFETIME.toSeconds());
            answer.put("issued_at", now.toString());
            byte[] body = JSON.writeValueAsBytes(answer);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /** {@code repository:<name>:<a,b>} scopes as the {@code access} claim; the name may hold colons (a port). */
    private String jwt(String service, List<String> scopes, Instant now) throws IOException {
        List<Map<String, Object>> access = new ArrayList<>();
        for (String scope : scopes) {
            int first = scope.indexOf(':');
            int last = scope.lastIndexOf(':');
            if (first > 0 && last > first) {
                access.add(Map.of(
                        "type", scope.substring(0, first),
                        "name", scope.substring(first + 1, last),
                        "actions", Arrays.asList(scope.substring(last + 1).split(","))));
            }
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", "");
        claims.put("aud", service == null ? "" : service);
        claims.put("exp", now.plus(LIFETIME).getEpochSecond());
        claims.put("nbf", now.getEpochSecond());
        claims.put("iat", now.getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("access", access);
        String signed =
                BASE64URL.encodeToString(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT", "kid", KEY_ID)))
                        + "." + BASE64URL.encodeToString(JSON.writeValueAsBytes(claims));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key.getPrivate());
            rs256.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + BASE64URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JWK's big-endian integer: no sign byte. */
    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
