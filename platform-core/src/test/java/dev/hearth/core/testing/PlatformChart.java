package dev.hearth.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** Hearth's platform chart ({@code deploy/charts/hearth}) rendered by Helm (helm-java), as the objects it installs. */
public final class PlatformChart {
    /** The namespace the tests install the platform's objects into, as production does. */
    public static final String NAMESPACE = "hearth-system";

    public static final String RELEASE = "hearth";

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private PlatformChart() {}

    private static Path renderable;

    public static Path chart() {
        return TestPaths.hearthCrds().getParent();
    }

    /**
     * The chart as {@code helm template} can render it: helm-java's template command assumes Kubernetes 1.20 and has
     * no {@code --kube-version}, so the copy it renders drops the chart's {@code kubeVersion} constraint (which
     * helm-controller checks against the real API server: FluxPlatformChartIT).
     */
    private static synchronized Path renderable() {
        if (renderable == null) {
            try {
                Path copy = Files.createTempDirectory("hearth-chart").resolve("hearth");
                try (Stream<Path> files = Files.walk(chart())) {
                    for (Path file : files.toList()) {
                        Path target = copy.resolve(chart().relativize(file).toString());
                        if (Files.isDirectory(file)) {
                            Files.createDirectories(target);
                        } else {
                            Files.copy(file, target);
                        }
                    }
                }
                Path chartYaml = copy.resolve("Chart.yaml");
                Files.writeString(chartYaml, Files.readString(chartYaml).replaceAll("(?m)^kubeVersion:.*\\n", ""));
                renderable = copy;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return renderable;
    }

    /** The objects of {@code helm template} with the chart's defaults plus {@code set} ({@code --set key=value}). */
    public static List<GenericKubernetesResource> render(Map<String, String> set) {
        return render(null, set);
    }

    public static List<GenericKubernetesResource> render(Path valuesFile, Map<String, String> set) {
        var template = new Helm(renderable()).template().withName(RELEASE).withNamespace(NAMESPACE);
        if (valuesFile != null) {
            template = template.withValuesFile(valuesFile);
        }
        for (var value : set.entrySet()) {
            template = template.set(value.getKey(), value.getValue());
        }
        return objects(template.call());
    }

    /** The objects of a rendered manifest, one per YAML document that names a kind. */
    public static List<GenericKubernetesResource> objects(String manifest) {
        List<GenericKubernetesResource> objects = new ArrayList<>();
        for (String document : manifest.split("(?m)^---\\s*$")) {
            if (document.lines().anyMatch(l -> l.startsWith("kind:"))) {
                objects.add(SERIALIZATION.unmarshal(document, GenericKubernetesResource.class));
            }
        }
        return objects;
    }

    /**
     * What gives {@code service} its rights: its ServiceAccount, and the (Cluster)Roles and (Cluster)RoleBindings the
     * chart labels {@code app.kubernetes.io/name=<service>}.
     */
    public static List<GenericKubernetesResource> identityOf(String service) {
        return identityOf(service, List.of());
    }

    /** {@link #identityOf(String)} with {@code global.extraAppKinds}: app kinds an administrator added. */
    public static List<GenericKubernetesResource> identityOf(String service, List<String> extraAppKinds) {
        List<String> kinds = List.of("ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding");
        // dashboard-backend is rendered only with an OIDC issuer
        Map<String, String> set = new java.util.HashMap<>(Map.of(
                "global.oidc.issuerUrl", "https://keycloak.test/realms/hearth", "dashboardBackend.enabled", "true"));
        for (int i = 0; i < extraAppKinds.size(); i++) {
            set.put("global.extraAppKinds[" + i + "]", extraAppKinds.get(i));
        }
        return render(set).stream()
                .filter(o -> kinds.contains(o.getKind()))
                .filter(o -> service.equals(o.getMetadata().getLabels().get("app.kubernetes.io/name")))
                .toList();
    }
}
