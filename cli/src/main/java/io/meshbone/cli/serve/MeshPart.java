package io.meshbone.cli.serve;

import java.util.Map;

/**
 * One part of the mesh, started the same way by {@code meshbone up} (all parts in one JVM) and by
 * {@code meshbone serve <part>} (one part per process, any number of instances).
 *
 * @param <T> what runs once started; closing it stops the part
 */
public interface MeshPart<T extends AutoCloseable> {

    /** The part's name, as in {@code meshbone serve <name>}. */
    String name();

    /** Starts the part; returns once it is started (it may still be catching up, see its health). */
    T start(PartContext context);

    /** The {@code key=value} lines a process prints once the part runs, such as {@code schema.registry.url=...}. */
    default Map<String, String> addresses(T started) {
        return Map.of();
    }
}
