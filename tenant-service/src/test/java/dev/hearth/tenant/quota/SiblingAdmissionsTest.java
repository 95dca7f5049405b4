package dev.hearth.tenant.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.core.api.tenant.TenantStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;

class SiblingAdmissionsTest {
    private static final Map<String, Quantity> PARENT = Map.of("cpu", new Quantity("2"));
    private final SiblingAdmissions admissions = new SiblingAdmissions();

    @Test
    void anAdmissionTheCacheDoesNotShowYetStillTakesItsBudget() {
        Tenant left = child("left", false);
        Tenant right = child("right", false);

        assertThat(admissions.admit("tenant-twins", PARENT, Map.of(), left, List.of(right)))
                .isEmpty();
        // right is reconciled before left's status reaches the cache: left still counts
        assertThat(admissions.admit("tenant-twins", PARENT, Map.of(), right, List.of(left)))
                .hasValueSatisfying(
                        message -> assertThat(message)
                                .contains(
                                        "cpu: requested 2 but only 0 of 2 is left (0 used by tenant-twins itself, 2 given to other children)"));
    }

    @Test
    void onceTheCacheShowsItOrItIsGoneTheCacheDecides() {
        Tenant left = child("left", false);
        Tenant right = child("right", false);
        admissions.admit("tenant-twins", PARENT, Map.of(), left, List.of(right));

        assertThat(admissions.admit("tenant-twins", PARENT, Map.of(), right, List.of(child("left", true))))
                .isPresent();
        assertThat(admissions.admit("tenant-twins", PARENT, Map.of(), right, List.of()))
                .isEmpty();
    }

    @Test
    void aTenantIsNotCountedAgainstItself() {
        Tenant left = child("left", true);

        assertThat(admissions.admit("tenant-twins", PARENT, Map.of(), left, List.of()))
                .isEmpty();
        assertThat(admissions.admit("tenant-twins", PARENT, Map.of(), left, List.of()))
                .isEmpty();
    }

    private static Tenant child(String name, boolean admitted) {
        Tenant tenant = new Tenant();
        tenant.setMetadata(new ObjectMetaBuilder()
                .withNamespace("tenant-twins")
                .withName(name)
                .build());
        tenant.getSpec().resourceQuotas = new TreeMap<>(Map.of("cpu", new Quantity("2")));
        if (admitted) {
            tenant.setStatus(new TenantStatus());
            tenant.getStatus().namespace = "tenant-twins-" + name;
        }
        return tenant;
    }
}
