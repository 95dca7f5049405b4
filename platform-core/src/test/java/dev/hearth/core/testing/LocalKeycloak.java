package dev.hearth.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;

/**
 * Runs Keycloak with the shipped realm until stopped, for {@code scripts/run-local.sh}: dashboard-backend validates its
 * tokens and tenant-service keeps the tenants' groups there. Writes to the folder given as the only argument the
 * services' properties ({@code keycloak-dashboard.properties}, {@code keycloak-tenant.properties}) and two users to sign
 * in with ({@code keycloak-users.txt}, readable by the owner only): an admin and a viewer of tenant-root.
 */
public final class LocalKeycloak {
    private static final String TENANT_SERVICE_CLIENT = "hearth-tenant-service";

    private LocalKeycloak() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/local").toAbsolutePath();
        Files.createDirectories(out);
        TestKeycloak keycloak = TestKeycloak.shared();
        String adminPassword = password();
        String viewerPassword = password();
        keycloak.createUser("root-admin", adminPassword, "tenant-root-admin");
        keycloak.createUser("root-viewer", viewerPassword, "tenant-root-view");

        Path users = out.resolve("keycloak-users.txt");
        Files.deleteIfExists(users);
        Files.createFile(users, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(
                users,
                "Keycloak " + keycloak.baseUrl() + " (realm " + TestKeycloak.REALM + ")\n"
                        + "root-admin  " + adminPassword + "  (tenant-root-admin)\n"
                        + "root-viewer " + viewerPassword + "  (tenant-root-view)\n");
        Files.writeString(
                out.resolve("keycloak-tenant.properties"),
                "-Dhearth.tenant.keycloak.url=" + keycloak.baseUrl() + "\n" + "-Dhearth.tenant.keycloak.client-secret="
                        + keycloak.clientSecret(TENANT_SERVICE_CLIENT) + "\n");
        // written last: run-local waits for this one
        Files.writeString(
                out.resolve("keycloak-dashboard.properties"),
                "-Dquarkus.oidc.auth-server-url=" + keycloak.issuer() + "\n");
        System.out.println("LocalKeycloak: " + keycloak.issuer() + " ready in "
                + keycloak.startup().toSeconds() + " s; users in " + users);
        new CountDownLatch(1).await();
    }

    private static String password() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
