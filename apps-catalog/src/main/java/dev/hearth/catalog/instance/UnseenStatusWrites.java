package dev.hearth.catalog.instance;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * The status written last for each instance, until the informer delivers that write. A HelmRelease changes a dozen
 * times during an install, and each change has the instance's status mirrored while the informer may still hold the
 * instance as it was before the previous write: compared with that stale copy, the same status would be written again
 * (half of the status writes in a burst of installs were such repeats). The statuses compared are both built here,
 * as maps of the same types, so they compare as they are, with no snapshot.
 */
final class UnseenStatusWrites {
    /** A status written onto the instance at {@code basedOn}, its resource version when the write was decided. */
    private record Written(String basedOn, Map<String, Object> status) {}

    private final Map<String, Written> byKey = new ConcurrentHashMap<>();

    /** Whether {@code status} is the one last written for {@code cached}, and the informer has not delivered it yet. */
    boolean repeats(String key, GenericKubernetesResource cached, Map<String, Object> status) {
        Written written = byKey.get(key);
        if (written == null) {
            return false;
        }
        if (!Objects.equals(written.basedOn(), cached.getMetadata().getResourceVersion())) {
            // the informer has moved on (this write or another): what it holds is the truth again
            byKey.remove(key, written);
            return false;
        }
        return written.status().equals(status);
    }

    void wrote(String key, GenericKubernetesResource cached, Map<String, Object> status) {
        byKey.put(key, new Written(cached.getMetadata().getResourceVersion(), status));
    }

    void forget(String key) {
        byKey.remove(key);
    }
}
