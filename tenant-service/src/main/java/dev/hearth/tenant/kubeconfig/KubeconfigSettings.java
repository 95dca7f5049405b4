package dev.hearth.tenant.kubeconfig;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * What every tenant kubeconfig says besides the tenant namespace: the management cluster's API server as users reach it,
 * and the OIDC provider {@code kubectl oidc-login} gets their token from.
 *
 * @param server the API server URL as users reach it, e.g. {@code https://api.example.org:6443}
 * @param certificateAuthorityData the base64 PEM of the CA that signed the server's certificate; {@code null} to trust
 *     the system's roots (a server with a certificate from a public CA)
 * @param oidcIssuerUrl the issuer the API server's OIDC authenticator trusts
 * @param oidcClientId the OIDC client kubectl logs in as
 */
public record KubeconfigSettings(
        String server, String certificateAuthorityData, String oidcIssuerUrl, String oidcClientId) {
    public static final String PREFIX = "hearth.tenant.kubeconfig.";

    /**
     * The settings from the configuration: none at all means tenants get no kubeconfig; a partial or malformed set is
     * refused with what to change, because a kubeconfig that cannot log in helps nobody.
     *
     * @throws IllegalArgumentException naming each property to set or fix
     */
    public static Optional<KubeconfigSettings> of(
            Optional<String> server,
            Optional<String> certificateAuthorityData,
            Optional<String> oidcIssuerUrl,
            Optional<String> oidcClientId) {
        if (server.isEmpty()
                && certificateAuthorityData.isEmpty()
                && oidcIssuerUrl.isEmpty()
                && oidcClientId.isEmpty()) {
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        server.ifPresentOrElse(
                url -> httpsUrl("server", url).ifPresent(problems::add),
                () -> problems.add(missing("server", "the URL users reach the API server at")));
        oidcIssuerUrl.ifPresentOrElse(
                url -> httpsUrl("oidc-issuer-url", url).ifPresent(problems::add),
                () -> problems.add(missing("oidc-issuer-url", "the issuer of the API server's OIDC authenticator")));
        if (oidcClientId.isEmpty()) {
            problems.add(missing("oidc-client-id", "the OIDC client kubectl logs in as"));
        }
        certificateAuthorityData.flatMap(KubeconfigSettings::pemProblem).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    "The tenant kubeconfig is half configured: " + String.join("; ", problems)
                            + ". Set them, or remove every " + PREFIX + "* property to give tenants no kubeconfig.");
        }
        return Optional.of(new KubeconfigSettings(
                server.get(), certificateAuthorityData.orElse(null), oidcIssuerUrl.get(), oidcClientId.get()));
    }

    private static String missing(String property, String what) {
        return PREFIX + property + " is not set (" + what + ")";
    }

    private static Optional<String> httpsUrl(String property, String value) {
        try {
            URI uri = new URI(value);
            if ("https".equals(uri.getScheme()) && uri.getHost() != null) {
                return Optional.empty();
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        return Optional.of(PREFIX + property + " is " + value + ", which is no https://<host> URL");
    }

    private static Optional<String> pemProblem(String data) {
        try {
            String pem = new String(Base64.getDecoder().decode(data.strip()), StandardCharsets.US_ASCII);
            if (pem.contains("-----BEGIN CERTIFICATE-----")) {
                return Optional.empty();
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        return Optional.of(PREFIX + "certificate-authority-data is no base64-encoded PEM certificate"
                + " (as in a kubeconfig's certificate-authority-data)");
    }
}
