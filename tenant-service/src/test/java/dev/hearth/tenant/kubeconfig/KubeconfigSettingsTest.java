package dev.hearth.tenant.kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class KubeconfigSettingsTest {
    private static final Optional<String> SERVER = Optional.of("https://api.example.org:6443");
    private static final Optional<String> ISSUER = Optional.of("https://login.example.org/realms/hearth");
    private static final Optional<String> CLIENT = Optional.of("kubectl");

    @Test
    void nothingConfiguredMeansNoKubeconfig() {
        assertThat(KubeconfigSettings.of(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()))
                .isEmpty();
    }

    @Test
    void aCompleteSetIsTaken() {
        assertThat(KubeconfigSettings.of(SERVER, Optional.of(TenantKubeconfigForTest.CA), ISSUER, CLIENT))
                .contains(new KubeconfigSettings(SERVER.get(), TenantKubeconfigForTest.CA, ISSUER.get(), CLIENT.get()));
        assertThat(KubeconfigSettings.of(SERVER, Optional.empty(), ISSUER, CLIENT))
                .get()
                .extracting(KubeconfigSettings::certificateAuthorityData)
                .isNull();
    }

    @Test
    void halfASetIsRefusedWithEveryPropertyToSet() {
        assertThatThrownBy(() -> KubeconfigSettings.of(Optional.empty(), Optional.empty(), ISSUER, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "hearth.tenant.kubeconfig.server is not set (the URL users reach the API server at)")
                .hasMessageContaining("hearth.tenant.kubeconfig.oidc-client-id is not set")
                .hasMessageNotContaining("oidc-issuer-url is not set")
                .hasMessageContaining("remove every hearth.tenant.kubeconfig.* property");
    }

    @Test
    void urlsMustBeHttps() {
        assertThatThrownBy(() -> KubeconfigSettings.of(
                        Optional.of("http://api.example.org"), Optional.empty(), Optional.of("login"), CLIENT))
                .hasMessageContaining("hearth.tenant.kubeconfig.server is http://api.example.org, which is no"
                        + " https://<host> URL")
                .hasMessageContaining(
                        "hearth.tenant.kubeconfig.oidc-issuer-url is login, which is no https://<host> URL");
    }

    @Test
    void theCertificateAuthorityMustBeABase64Pem() {
        assertThatThrownBy(() -> KubeconfigSettings.of(SERVER, Optional.of("not base64!"), ISSUER, CLIENT))
                .hasMessageContaining("hearth.tenant.kubeconfig.certificate-authority-data is no base64-encoded PEM");
        assertThatThrownBy(() -> KubeconfigSettings.of(SERVER, Optional.of("aGVsbG8="), ISSUER, CLIENT))
                .hasMessageContaining("certificate-authority-data is no base64-encoded PEM");
    }
}
