package dev.hearth.catalog.charts;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * What Helm itself recorded of a release (its Secret {@code sh.helm.release.v1.<name>.v<revision>}, base64 of gzipped
 * JSON): its revision and chart version, the values it was given and the manifest it installed.
 */
record HelmReleaseRecord(
        int revision, String chartVersion, Map<String, Object> config, List<GenericKubernetesResource> objects) {

    /** The newest revision of release {@code name} in {@code namespace}. */
    @SuppressWarnings("unchecked")
    static HelmReleaseRecord latest(KubernetesClient client, String namespace, String name) {
        Secret secret = client
                .secrets()
                .inNamespace(namespace)
                .withLabel("owner", "helm")
                .withLabel("name", name)
                .list()
                .getItems()
                .stream()
                .max(Comparator.comparingInt(
                        s -> Integer.parseInt(s.getMetadata().getLabels().get("version"))))
                .orElseThrow(() -> new AssertionError("no Helm release record of " + name + " in " + namespace));
        byte[] helmEncoded = Base64.getDecoder().decode(secret.getData().get("release"));
        Map<String, Object> release;
        try (var in =
                new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(helmEncoded)))) {
            release = client.getKubernetesSerialization().unmarshal(in, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<GenericKubernetesResource> objects = new ArrayList<>();
        for (String document : ((String) release.get("manifest")).split("(?m)^---\\s*$")) {
            if (document.lines().anyMatch(l -> l.startsWith("kind:"))) {
                objects.add(client.getKubernetesSerialization().unmarshal(document, GenericKubernetesResource.class));
            }
        }
        Map<String, Object> config = (Map<String, Object>) release.getOrDefault("config", Map.of());
        Map<String, Object> chart = (Map<String, Object>) release.get("chart");
        String chartVersion = (String) ((Map<String, Object>) chart.get("metadata")).get("version");
        return new HelmReleaseRecord(((Number) release.get("version")).intValue(), chartVersion, config, objects);
    }
}
