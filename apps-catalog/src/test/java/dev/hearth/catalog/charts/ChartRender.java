package dev.hearth.catalog.charts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.marcnuri.helm.Helm;

import dev.hearth.core.testing.TestPaths;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** An app chart of deploy/charts/apps rendered by Helm (helm-java), as the objects it would install. */
final class ChartRender {
    private ChartRender() {}

    static List<GenericKubernetesResource> render(
            KubernetesSerialization serialization, String chart, String release, String namespace, Path values) {
        return render(serialization, chart, release, namespace, values, Map.of());
    }

    /** @param set values given as {@code --set key=value} on top of {@code values} */
    static List<GenericKubernetesResource> render(
            KubernetesSerialization serialization,
            String chart,
            String release,
            String namespace,
            Path values,
            Map<String, String> set) {
        var template =
                new Helm(charts().resolve(chart)).template().withName(release).withNamespace(namespace);
        if (values != null) {
            template = template.withValuesFile(values);
        }
        for (var value : set.entrySet()) {
            template = template.set(value.getKey(), value.getValue());
        }
        String manifest = template.call();
        List<GenericKubernetesResource> objects = new ArrayList<>();
        for (String document : manifest.split("(?m)^---\\s*$")) {
            if (document.lines().anyMatch(l -> l.startsWith("kind:"))) {
                objects.add(serialization.unmarshal(document, GenericKubernetesResource.class));
            }
        }
        return objects;
    }

    static Path charts() {
        return TestPaths.hearthCrds().resolve("../../apps").normalize();
    }
}
