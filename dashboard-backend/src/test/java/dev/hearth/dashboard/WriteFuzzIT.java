package dev.hearth.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.hearth.core.testing.KeycloakTestResource;
import dev.hearth.core.testing.KubeApiServerTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Every write endpoint fed random and malformed bodies, wrong types, unknown fields, huge values and path tricks
 * (seeded, so a failure repeats): no answer is a 500, and every refusal is a JSON error that says what is wrong.
 */
@QuarkusTest
@QuarkusTestResource(
        value = KubeApiServerTestResource.class,
        initArgs = @ResourceArg(name = "controllerManager", value = "true"))
@QuarkusTestResource(KeycloakTestResource.class)
class WriteFuzzIT {
    private static final long SEED = 20261206L;
    private static final int ROUNDS = 300;
    private static final List<String> PLURALS = List.of("postgreses", "vmdisks", "vminstances", "tenants", "redises");
    private static final List<String> NAMES =
            List.of("a", "db", "UPPER", "..", "%2e%2e", "a%2Fb", "-x", "x".repeat(70), "%00", "name%20space", "ünï");

    @BeforeAll
    static void catalog() throws Exception {
        RealCatalog.ensure();
    }

    private static String value(Random random, int depth) {
        return switch (random.nextInt(depth > 2 ? 6 : 9)) {
            case 0 -> String.valueOf(random.nextLong());
            case 1 -> "\"" + "x".repeat(random.nextInt(3) == 0 ? 70_000 : random.nextInt(20)) + "\"";
            case 2 -> "null";
            case 3 -> String.valueOf(random.nextBoolean());
            case 4 -> "1e309";
            case 5 -> "\"\\u0000<script>\"";
            case 6 -> "[" + value(random, depth + 1) + "," + value(random, depth + 1) + "]";
            default -> object(random, depth + 1);
        };
    }

    private static String object(Random random, int depth) {
        List<String> keys = List.of(
                "metadata",
                "spec",
                "status",
                "kind",
                "apiVersion",
                "name",
                "resourceVersion",
                "replicas",
                "size",
                "unknownField",
                "namespace",
                "source",
                "runStrategy",
                "resourceQuotas",
                "users");
        StringBuilder body = new StringBuilder("{");
        int fields = random.nextInt(4);
        for (int i = 0; i < fields; i++) {
            if (i > 0) {
                body.append(',');
            }
            body.append('"')
                    .append(keys.get(random.nextInt(keys.size())))
                    .append("\":")
                    .append(value(random, depth));
        }
        return body.append('}').toString();
    }

    private static String body(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> "{\"metadata\":";
            case 1 -> "\u0000\u0001garbage";
            case 2 -> "";
            case 3 -> "[1,2,3]";
            case 4 ->
                "{\"metadata\":{\"name\":\"fz" + random.nextInt(1000) + "\",\"resourceVersion\":\"1\"},\"spec\":"
                        + value(random, 1) + "}";
            case 5 -> "{\"metadata\":{\"name\":\"fz" + random.nextInt(1000) + "\"},\"spec\":" + object(random, 1) + "}";
            default -> object(random, 0);
        };
    }

    @Test
    void noWriteAnswersA500AndEveryRefusalSaysWhy() {
        Random random = new Random(SEED);
        String token = RealTenants.token("foo-admin");
        List<String> failures = new ArrayList<>();
        int refused = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String plural = random.nextInt(10) == 0 ? "..%2Fsecrets" : PLURALS.get(random.nextInt(PLURALS.size()));
            String name = NAMES.get(random.nextInt(NAMES.size()));
            String namespace = random.nextInt(10) == 0 ? "kube-system" : RealTenants.FOO;
            String query = random.nextBoolean() ? "?dryRun=true" : "?dryRun=" + random.nextInt(3);
            String base = "/api/v1/tenants/" + namespace + "/apps/" + plural;
            String body = body(random);
            var request = given().urlEncodingEnabled(false)
                    .auth()
                    .oauth2(token)
                    .contentType(random.nextInt(8) == 0 ? "text/plain" : "application/json")
                    .body(body);
            Response response = switch (random.nextInt(5)) {
                case 0, 1 -> request.post(base + query);
                case 2 -> request.put(base + "/" + name + query);
                case 3 -> request.delete(base + "/" + name + query);
                default ->
                    request.post("/api/v1/tenants/" + namespace + "/apps/vminstances/" + name
                            + (random.nextBoolean() ? "/start" : "/stop"));
            };
            int status = response.statusCode();
            String what = response.getHeader("Content-Type") + " " + status + " for " + base + " " + name + " "
                    + body.substring(0, Math.min(body.length(), 120));
            if (status >= 500) {
                failures.add(what + ": " + response.asString());
            } else if (status >= 400) {
                refused++;
                String answer = response.asString();
                if (!answer.contains("\"message\"")) {
                    failures.add("refusal without a message: " + what + ": " + answer);
                }
            }
        }
        System.out.printf("fuzz: %d requests, %d refused, %d failures%n", ROUNDS, refused, failures.size());
        assertThat(failures).isEmpty();
        assertThat(refused).as("the inputs are bad").isGreaterThan(ROUNDS / 2);
    }
}
