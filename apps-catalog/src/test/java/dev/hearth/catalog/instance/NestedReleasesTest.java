package dev.hearth.catalog.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hearth.core.upstream.Flux;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

class NestedReleasesTest {
    @Test
    void aNestedReleaseIsKeyedByTheHelmReleaseThatInstalledIt() {
        Flux.HelmRelease nested = release("ingress-main-system", "tenant-foo", "ingress-main", "tenant-foo");
        assertThat(NestedReleases.installedBy(nested)).contains("tenant-foo/ingress-main");
        assertThat(NestedReleases.indexKeys(nested)).containsExactly("tenant-foo/ingress-main");
    }

    @Test
    void annotationsNamingAnotherNamespaceAreIgnored() {
        // a release of tenant-bar claiming to belong to an app of tenant-foo, or the other way round
        assertThat(NestedReleases.indexKeys(release("fake", "tenant-bar", "ingress-main", "tenant-foo")))
                .isEmpty();
        assertThat(NestedReleases.indexKeys(release("plain", "tenant-foo", null, null)))
                .isEmpty();
    }

    @Test
    void theOuterReleaseIsFoundByItsHelmReleaseName() {
        Flux.HelmRelease outer = release("ingress-main", "tenant-foo", null, null);
        outer.setAdditionalProperty("spec", Map.of("releaseName", "ingress-main"));
        assertThat(NestedReleases.keyOf(outer)).isEqualTo("tenant-foo/ingress-main");
    }

    private static Flux.HelmRelease release(String name, String namespace, String helmRelease, String helmNamespace) {
        Flux.HelmRelease release = new Flux.HelmRelease();
        var metadata = new ObjectMetaBuilder().withName(name).withNamespace(namespace);
        if (helmRelease != null) {
            metadata.addToAnnotations(NestedReleases.RELEASE_NAME, helmRelease)
                    .addToAnnotations(NestedReleases.RELEASE_NAMESPACE, helmNamespace);
        }
        release.setMetadata(metadata.build());
        return release;
    }
}
