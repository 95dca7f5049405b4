package dev.hearth.catalog.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import dev.hearth.core.Annotations;
import dev.hearth.core.Labels;
import dev.hearth.core.upstream.Flux;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;

class ReleaseChangeTest {

    @Test
    void helmControllersWritesAreOnlyMirrored() {
        assertThat(ReleaseChange.of(release(m -> {}), release(m -> m.setResourceVersion("2"))))
                .isEqualTo(ReleaseChange.STATUS);
        assertThat(ReleaseChange.of(
                        release(m -> {}), release(m -> m.getFinalizers().add("finalizers.fluxcd.io"))))
                .isEqualTo(ReleaseChange.STATUS);
    }

    @Test
    void whatAppsCatalogWritesIsReconciled() {
        assertThat(ReleaseChange.of(release(m -> {}), release(m -> m.setGeneration(2L))))
                .isEqualTo(ReleaseChange.DESIRED);
        assertThat(ReleaseChange.of(release(m -> {}), release(m -> m.getLabels().remove(Labels.APPLICATION_KIND))))
                .isEqualTo(ReleaseChange.DESIRED);
        assertThat(ReleaseChange.of(
                        release(m -> {}), release(m -> m.getAnnotations().put(Annotations.SPEC_HASH, "x"))))
                .isEqualTo(ReleaseChange.DESIRED);
        assertThat(ReleaseChange.of(
                        release(m -> {}), release(m -> m.getOwnerReferences().clear())))
                .isEqualTo(ReleaseChange.DESIRED);
    }

    private static Flux.HelmRelease release(Consumer<ObjectMeta> edit) {
        Flux.HelmRelease release = new Flux.HelmRelease();
        ObjectMeta metadata = new ObjectMeta();
        metadata.setName("postgres-db");
        metadata.setNamespace("tenant-foo");
        metadata.setGeneration(1L);
        metadata.setResourceVersion("1");
        metadata.setLabels(new HashMap<>(Map.of(Labels.APPLICATION_KIND, "Postgres")));
        metadata.setAnnotations(new HashMap<>(Map.of(Annotations.SPEC_HASH, "abc")));
        metadata.setFinalizers(new ArrayList<>());
        metadata.setOwnerReferences(new ArrayList<>(List.of(new OwnerReferenceBuilder()
                .withApiVersion("apps.hearth.dev/v1alpha1")
                .withKind("Postgres")
                .withName("db")
                .withUid("u")
                .build())));
        release.setMetadata(metadata);
        edit.accept(metadata);
        return release;
    }
}
