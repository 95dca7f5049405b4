package dev.hearth.core.informer;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;

/**
 * An informer cache that drops {@code metadata.managedFields} from what it keeps. The services write with server-side
 * apply and compare desired with actual content, so they never read managed fields, which are often the larger part of
 * an applied object: with thousands of cached objects this is memory the service does not need.
 */
public class WithoutManagedFields<V extends HasMetadata> extends BasicItemStore<V> {

    public WithoutManagedFields() {
        super(Cache::metaNamespaceKeyFunc);
    }

    @Override
    public V put(String key, V object) {
        // the object was just read from a list or watch: the informer hands out no other reference to it yet
        object.getMetadata().setManagedFields(null);
        return super.put(key, object);
    }
}
