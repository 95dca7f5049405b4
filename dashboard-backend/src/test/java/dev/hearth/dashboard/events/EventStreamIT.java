package dev.hearth.dashboard.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.hearth.core.tenant.AccessLevel;
import dev.hearth.core.testing.KeycloakTestResource;
import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.core.testing.TestKeycloak;
import dev.hearth.core.testing.TestKubernetes;
import dev.hearth.dashboard.RealTenants;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A tenant's server-sent events on real Keycloak tokens, a real API server and tenant-service's RBAC: a viewer sees
 * its tenant's changes and nothing of a sibling's, resumes without a loss, and its stream ends when its binding goes or
 * its token expires; a token in the query string is refused.
 */
@QuarkusTest
@QuarkusTestResource(
        value = KubeApiServerTestResource.class,
        initArgs = @ResourceArg(name = "controllerManager", value = "true"))
@QuarkusTestResource(KeycloakTestResource.class)
class EventStreamIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String WATCHER = "events-watcher";

    @TestHTTPResource("/api/v1/tenants/")
    URI tenants;

    @BeforeAll
    static void setUp() throws Exception {
        RealTenants.ensure();
        TestKeycloak.shared().createUser(WATCHER, RealTenants.PASSWORD);
    }

    private URI events(String namespace) {
        return tenants.resolve(namespace + "/events");
    }

    private static String disk(String name, String size, String version) {
        return "{\"metadata\":{\"name\":\"" + name + "\""
                + (version == null ? "" : ",\"resourceVersion\":\"" + version + "\"")
                + "},\"spec\":{\"source\":{\"blank\":{}},\"size\":\"" + size + "\"}}";
    }

    private static String write(String method, String namespace, String name, String body) {
        var request = given().auth().oauth2(RealTenants.token("foo-admin")).contentType("application/json");
        String path = "/api/v1/tenants/{ns}/apps/vmdisks";
        return switch (method) {
            case "POST" ->
                request.body(body)
                        .post(path, namespace)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("metadata.resourceVersion");
            case "PUT" ->
                request.body(body)
                        .put(path + "/" + name, namespace)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("metadata.resourceVersion");
            default -> {
                request.delete(path + "/" + name, namespace).then().statusCode(204);
                yield null;
            }
        };
    }

    /** The next event about the disk {@code name}, skipping others (Kubernetes Events, other objects). */
    private static SseReader.Event nextAbout(SseReader reader, String name) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            SseReader.Event event = reader.next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (event == null || event == SseReader.CLOSED) {
                return event;
            }
            // nothing of another tenant, whatever the event
            assertThat(event.data()).doesNotContain("\"name\":\"sibling\"");
            if (event.data().contains("\"kind\":\"VMDisk\"") && event.data().contains("\"name\":\"" + name + "\"")) {
                return event;
            }
        }
        return null;
    }

    private static SseReader.Event awaitNamed(SseReader reader, String name) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            SseReader.Event event = reader.next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (event == null || event == SseReader.CLOSED || event.name().equals(name)) {
                return event;
            }
        }
        return null;
    }

    @Test
    void aViewerSeesItsTenantsChangesAndNothingOfASibling() throws Exception {
        try (SseReader viewer = SseReader.open(events(RealTenants.FOO), RealTenants.token("foo-viewer"), null)) {
            assertThat(viewer.status).isEqualTo(200);
            assertThat(awaitNamed(viewer, "synced")).isNotNull();
            // the sibling's change is made first: were it streamed, it would come before foo's
            given().auth()
                    .oauth2(RealTenants.token("mixed"))
                    .contentType("application/json")
                    .body(disk("sibling", "1Gi", null))
                    .post("/api/v1/tenants/{ns}/apps/vmdisks", RealTenants.BAR)
                    .then()
                    .statusCode(201);
            TestKubernetes.shared()
                    .client()
                    .genericKubernetesResources("apps.hearth.dev/v1alpha1", "VMDisk")
                    .inNamespace(RealTenants.BAZ)
                    .resource(io.fabric8.kubernetes.client.utils.Serialization.unmarshal(
                            disk("sibling", "1Gi", null)
                                    .replace(
                                            "{\"metadata\"",
                                            "{\"apiVersion\":\"apps.hearth.dev/v1alpha1\",\"kind\":\"VMDisk\",\"metadata\""),
                            io.fabric8.kubernetes.api.model.GenericKubernetesResource.class))
                    .create();
            String created = write("POST", RealTenants.FOO, "watched", disk("watched", "1Gi", null));
            SseReader.Event added = nextAbout(viewer, "watched");
            assertThat(added.name()).isEqualTo("ADDED");
            assertThat(added.data()).contains("\"namespace\":\"tenant-foo\"");
            assertThat(added.id()).isEqualTo(created);
            String updated = write("PUT", RealTenants.FOO, "watched", disk("watched", "2Gi", created));
            SseReader.Event modified = nextAbout(viewer, "watched");
            assertThat(modified.name()).isEqualTo("MODIFIED");
            assertThat(modified.id()).isEqualTo(updated);
            assertThat(modified.data()).contains("\"size\":\"2Gi\"");
            write("DELETE", RealTenants.FOO, "watched", null);
            assertThat(nextAbout(viewer, "watched").name()).isEqualTo("DELETED");
        }
        // the sibling's viewer may not stream foo, nor anyone without a token
        try (SseReader outsider = SseReader.open(events(RealTenants.FOO), RealTenants.token("baz-viewer"), null)) {
            assertThat(outsider.status).isEqualTo(403);
        }
        try (SseReader anonymous = SseReader.open(events(RealTenants.FOO), null, null)) {
            assertThat(anonymous.status).isEqualTo(401);
        }
        try (SseReader notATenant = SseReader.open(events("kube-system"), RealTenants.token("foo-admin"), null)) {
            assertThat(notATenant.status).isEqualTo(404);
        }
    }

    @Test
    void aResumeWithLastEventIdLosesNoEvent() throws Exception {
        String first;
        try (SseReader viewer = SseReader.open(events(RealTenants.FOO), RealTenants.token("foo-viewer"), null)) {
            assertThat(awaitNamed(viewer, "synced")).isNotNull();
            write("POST", RealTenants.FOO, "resume-a", disk("resume-a", "1Gi", null));
            first = nextAbout(viewer, "resume-a").id();
        }
        // while disconnected
        String b = write("POST", RealTenants.FOO, "resume-b", disk("resume-b", "1Gi", null));
        String b2 = write("PUT", RealTenants.FOO, "resume-b", disk("resume-b", "3Gi", b));
        write("DELETE", RealTenants.FOO, "resume-a", null);
        try (SseReader resumed = SseReader.open(events(RealTenants.FOO), RealTenants.token("foo-viewer"), first)) {
            assertThat(resumed.status).isEqualTo(200);
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                SseReader.Event event = resumed.next(WAIT);
                while (event != null && !event.data().contains("\"kind\":\"VMDisk\"")) {
                    assertThat(event.name()).isNotIn("relist", "synced");
                    event = resumed.next(WAIT);
                }
                assertThat(event).isNotNull();
                seen.add(event.name() + " " + event.id());
            }
            assertThat(seen).startsWith("ADDED " + b, "MODIFIED " + b2).hasSize(3);
            assertThat(seen.get(2)).startsWith("DELETED ");
        }
        // an id the history does not hold: relist, as after a watch's 410 Gone
        try (SseReader stale = SseReader.open(events(RealTenants.FOO), RealTenants.token("foo-viewer"), "1")) {
            assertThat(awaitNamed(stale, "relist")).isNotNull();
            assertThat(nextAbout(stale, "resume-b").name()).isEqualTo("ADDED");
            assertThat(awaitNamed(stale, "synced")).isNotNull();
        }
    }

    @Test
    void aRemovedBindingEndsTheStream() throws Exception {
        var client = TestKubernetes.shared().client();
        RoleBinding binding = client.rbac()
                .roleBindings()
                .inNamespace(RealTenants.BAZ)
                .resource(new RoleBindingBuilder()
                        .withNewMetadata()
                        .withName("events-watcher")
                        .endMetadata()
                        .withNewRoleRef()
                        .withApiGroup("rbac.authorization.k8s.io")
                        .withKind("ClusterRole")
                        .withName(AccessLevel.VIEW.clusterRoleName())
                        .endRoleRef()
                        .addNewSubject()
                        .withApiGroup("rbac.authorization.k8s.io")
                        .withKind("User")
                        .withName("oidc:" + WATCHER)
                        .endSubject()
                        .build())
                .create();
        try (SseReader watcher = SseReader.open(events(RealTenants.BAZ), RealTenants.token(WATCHER), null)) {
            assertThat(watcher.status).isEqualTo(200);
            assertThat(awaitNamed(watcher, "synced")).isNotNull();
            assertThat(watcher.heartbeat(Duration.ofSeconds(10))).isTrue();
            client.resource(binding).delete();
            SseReader.Event end = awaitNamed(watcher, "end");
            assertThat(end).isNotNull();
            assertThat(end.data()).contains("access_lost");
            assertThat(watcher.next(WAIT)).isEqualTo(SseReader.CLOSED);
        }
        try (SseReader again = SseReader.open(events(RealTenants.BAZ), RealTenants.token(WATCHER), null)) {
            assertThat(again.status).isEqualTo(403);
        }
    }

    @Test
    void anExpiredTokenEndsTheStream() throws Exception {
        String shortLived =
                TestKeycloak.shared().accessToken(TestKeycloak.SHORT_LIVED_CLIENT, "foo-viewer", RealTenants.PASSWORD);
        try (SseReader viewer = SseReader.open(events(RealTenants.FOO), shortLived, null)) {
            assertThat(viewer.status).isEqualTo(200);
            SseReader.Event end = awaitNamed(viewer, "end");
            assertThat(end).isNotNull();
            assertThat(end.data()).contains("token_expired");
            assertThat(viewer.next(WAIT)).isEqualTo(SseReader.CLOSED);
        }
    }

    @Test
    void aTokenInTheQueryStringIsRefused() {
        String token = RealTenants.token("foo-viewer");
        given().get("/api/v1/tenants/{ns}/events?access_token=" + token, RealTenants.FOO)
                .then()
                .statusCode(400)
                .body("error", equalTo("token_in_query"));
        given().auth()
                .oauth2(token)
                .get("/api/v1/tenants/{ns}/apps/vmdisks?access_token=" + token, RealTenants.FOO)
                .then()
                .statusCode(400)
                .body("error", equalTo("token_in_query"));
    }
}
