package dev.ekoolkit.mock.state;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * An insertion-ordered map with a size bound and per-entry expiry; callers hold the owner's lock. Since
 * entries of one store share a lifetime, the oldest entries expire first, so purging stops at the first live
 * one and costs O(1) amortised.
 */
final class BoundedStore<K, V> {

    private final LinkedHashMap<K, V> map = new LinkedHashMap<>();
    private final int max;
    private final Function<V, Instant> expiry;

    BoundedStore(int max, Function<V, Instant> expiry) {
        this.max = max;
        this.expiry = expiry;
    }

    /** Adds an entry after dropping expired ones and, if still full, the oldest. */
    void put(K key, V value, Instant now) {
        purge(now);
        while (map.size() >= max) {
            Iterator<K> it = map.keySet().iterator();
            it.next();
            it.remove();
        }
        map.put(key, value);
    }

    /** Replaces an entry in place, keeping its position. */
    void replace(K key, V value) {
        map.replace(key, value);
    }

    V get(K key) {
        return map.get(key);
    }

    V remove(K key) {
        return map.remove(key);
    }

    int size() {
        return map.size();
    }

    void purge(Instant now) {
        Iterator<Map.Entry<K, V>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            if (expiry.apply(it.next().getValue()).isAfter(now)) {
                return;
            }
            it.remove();
        }
    }
}
