package dev.hearth.tenant;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.core.status.StatusWriter;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;

/**
 * Which Tenant updates the reconciler sees. Like the SDK's generation-aware processing (a spec change, a deletion, a
 * finalizer change), and in addition a status that tenant-service did not write: consumers once trusted the status, and
 * a status someone else changed is put back by the next reconcile. The status the reconciler last computed for a Tenant
 * is remembered, so its own writes, which come back as updates, trigger nothing (no loop).
 */
public class TenantStatusTamper implements OnUpdateFilter<Tenant> {
    /** By Tenant uid: the status the reconciler last computed (and wrote, if it differed). */
    private static final Map<String, JsonNode> COMPUTED = new ConcurrentHashMap<>();

    /** Call with the status a reconcile computed, before writing it. */
    static void computed(Tenant tenant) {
        String uid = tenant.getMetadata().getUid();
        if (uid != null) {
            COMPUTED.put(uid, StatusWriter.snapshot(tenant.getStatus()));
        }
    }

    static void forget(Tenant tenant) {
        String uid = tenant.getMetadata().getUid();
        if (uid != null) {
            COMPUTED.remove(uid);
        }
    }

    @Override
    public boolean accept(Tenant updated, Tenant old) {
        var now = updated.getMetadata();
        var before = old.getMetadata();
        if (!Objects.equals(now.getGeneration(), before.getGeneration())
                || !Objects.equals(now.getDeletionTimestamp(), before.getDeletionTimestamp())
                || !Objects.equals(now.getFinalizers(), before.getFinalizers())) {
            return true;
        }
        JsonNode status = StatusWriter.snapshot(updated.getStatus());
        if (Objects.equals(status, StatusWriter.snapshot(old.getStatus()))) {
            return false;
        }
        JsonNode computed = COMPUTED.get(now.getUid());
        return !Objects.equals(status, computed);
    }
}
