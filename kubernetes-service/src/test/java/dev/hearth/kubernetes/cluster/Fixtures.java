package dev.hearth.kubernetes.cluster;

import java.util.List;

import dev.hearth.core.api.kubernetes.Kubernetes;
import dev.hearth.core.tenant.TenantFacts;
import dev.hearth.core.testing.TenantWithStatus;
import dev.hearth.core.testing.YamlFixtures;
import dev.hearth.kubernetes.release.ClusterSettings;
import io.fabric8.kubernetes.api.model.HasMetadata;

/** The YAML fixtures of src/test/resources/mapping, through the shared {@link YamlFixtures}. */
public final class Fixtures {
    public static final ClusterSettings SETTINGS = new ClusterSettings(
            "docker://quay.io/capk/ubuntu-2404-container-disk",
            "registry.k8s.io/autoscaling/cluster-autoscaler:v1.34.1",
            "HelmRepository/hearth-system/hearth-kubernetes-addons",
            "");
    /** Tenant acme, with the root's etcd and its own ingress. */
    public static final TenantFacts TENANT = TenantFacts.of(TenantWithStatus.named("tenant-root", "acme")
            .host("acme.example.org")
            .services("tenant-root", "tenant-acme", null, null)
            .build());

    private Fixtures() {}

    public static Kubernetes kubernetes(String name) {
        return YamlFixtures.read("mapping/" + name + ".yaml", Kubernetes.class);
    }

    public static List<Object> expected(String name) {
        return YamlFixtures.golden("mapping/" + name + ".yaml");
    }

    /** Objects as plain maps and lists, written to target/golden-actual/mapping/ to compare by eye when a test fails. */
    public static List<Object> plain(String name, List<HasMetadata> objects) {
        return YamlFixtures.actual("mapping/" + name + ".yaml", objects);
    }
}
