package io.meshbone.connect.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** A small thread-safe least-recently-used cache of converted schemas. */
public final class BoundedCache<K, V> {

    private final Map<K, V> entries;

    public BoundedCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The cached value for {@code key}, computed (outside the lock) when absent. */
    public V get(K key, Function<K, V> compute) {
        synchronized (entries) {
            V cached = entries.get(key);
            if (cached != null) {
                return cached;
            }
        }
        V value = compute.apply(key);
        synchronized (entries) {
            entries.put(key, value);
        }
        return value;
    }
}
