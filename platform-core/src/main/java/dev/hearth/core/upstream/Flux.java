package dev.hearth.core.upstream;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * The Flux kinds Hearth writes or watches: releases and their chart sources.
 * Content stays generic (see {@link Upstream}); the classes only name the kinds.
 */
public final class Flux {

    @Group("helm.toolkit.fluxcd.io")
    @Version("v2")
    @Kind("HelmRelease")
    @Plural("helmreleases")
    public static class HelmRelease extends GenericKubernetesResource implements Namespaced {}

    @Group("source.toolkit.fluxcd.io")
    @Version("v1")
    @Kind("HelmRepository")
    @Plural("helmrepositories")
    public static class HelmRepository extends GenericKubernetesResource implements Namespaced {}

    @Group("source.toolkit.fluxcd.io")
    @Version("v1")
    @Kind("HelmChart")
    @Plural("helmcharts")
    public static class HelmChart extends GenericKubernetesResource implements Namespaced {}

    @Group("source.toolkit.fluxcd.io")
    @Version("v1")
    @Kind("OCIRepository")
    @Plural("ocirepositories")
    public static class OCIRepository extends GenericKubernetesResource implements Namespaced {}

    private Flux() {}
}
