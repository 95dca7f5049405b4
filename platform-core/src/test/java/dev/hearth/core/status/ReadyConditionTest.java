package dev.hearth.core.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.core.api.tenant.TenantStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

class ReadyConditionTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T10:00:00Z"));
    private final ReadyCondition conditions = new ReadyCondition(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    });

    private Tenant tenant(long generation) {
        Tenant tenant = new Tenant();
        tenant.setMetadata(new ObjectMetaBuilder()
                .withName("foo")
                .withGeneration(generation)
                .build());
        return tenant;
    }

    @Test
    void recordsTheObservedGenerationOnTheStatusAndTheCondition() {
        TenantStatus status = new TenantStatus();
        conditions.notReady(tenant(3), status, "QuotaExceeded", "cpu: asks 4, 2 left");

        Condition ready = ReadyCondition.find(status.conditions, "Ready").orElseThrow();
        assertThat(ready.getStatus()).isEqualTo("False");
        assertThat(ready.getReason()).isEqualTo("QuotaExceeded");
        assertThat(ready.getMessage()).isEqualTo("cpu: asks 4, 2 left");
        assertThat(ready.getObservedGeneration()).isEqualTo(3L);
        assertThat(ready.getLastTransitionTime()).isEqualTo("2026-01-01T10:00:00Z");
        assertThat(status.observedGeneration).isEqualTo(3L);
        assertThat(ReadyCondition.isReady(status)).isFalse();
    }

    @Test
    void keepsTheTransitionTimeWhileTheStatusStaysTheSame() {
        TenantStatus status = new TenantStatus();
        conditions.notReady(tenant(1), status, "Waiting", "first");
        now.set(Instant.parse("2026-01-01T10:05:00Z"));
        conditions.notReady(tenant(2), status, "StillWaiting", "second");

        Condition ready = ReadyCondition.find(status.conditions, "Ready").orElseThrow();
        assertThat(ready.getLastTransitionTime()).isEqualTo("2026-01-01T10:00:00Z");
        assertThat(ready.getReason()).isEqualTo("StillWaiting");
        assertThat(ready.getObservedGeneration()).isEqualTo(2L);
        assertThat(status.conditions).hasSize(1);
    }

    @Test
    void movesTheTransitionTimeWhenTheStatusChanges() {
        TenantStatus status = new TenantStatus();
        conditions.notReady(tenant(1), status, "Waiting", "first");
        now.set(Instant.parse("2026-01-01T10:05:00Z"));
        conditions.ready(tenant(1), status, "Ready", "tenant is ready");

        Condition ready = ReadyCondition.find(status.conditions, "Ready").orElseThrow();
        assertThat(ready.getLastTransitionTime()).isEqualTo("2026-01-01T10:05:00Z");
        assertThat(ReadyCondition.isReady(status)).isTrue();
    }

    @Test
    void keepsReadyFirstAmongOtherConditions() {
        TenantStatus status = new TenantStatus();
        conditions.set(tenant(1), status, "Deleting", "True", "Blocked", "x");
        conditions.ready(tenant(1), status, "Ready", "ok");
        assertThat(status.conditions).extracting(Condition::getType).containsExactly("Ready", "Deleting");
    }
}
