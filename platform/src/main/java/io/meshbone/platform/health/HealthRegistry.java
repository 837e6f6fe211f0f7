package io.meshbone.platform.health;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Where the mesh's parts report their state and where the health endpoint reads it; safe from any thread.
 *
 * <pre>{@code
 * HealthRegistry health = new HealthRegistry();
 * PartReporter provisioner = health.part("provisioner");   // STARTING
 * provisioner.running();
 * provisioner.failed("cannot create topic a.b.v1: ...");
 * health.anyFailed();                                       // true
 * }</pre>
 */
public final class HealthRegistry {

    private final ConcurrentSkipListMap<String, PartHealth> parts = new ConcurrentSkipListMap<>();

    /** Registers a part as {@link PartHealth.State#STARTING} and returns the handle it reports through. */
    public PartReporter part(String name) {
        PartReporter reporter = new PartReporter(this, name);
        reporter.starting(null);
        return reporter;
    }

    /** Every reported part, sorted by name. */
    public List<PartHealth> parts() {
        return List.copyOf(parts.values());
    }

    /** True when at least one part is {@link PartHealth.State#FAILED}. */
    public boolean anyFailed() {
        return parts.values().stream().anyMatch(PartHealth::failed);
    }

    void report(String part, PartHealth.State state, String reason, Long lag) {
        parts.compute(part, (name, previous) -> new PartHealth(name, state, reason, lag,
                previous != null && previous.state() == state ? previous.since() : Instant.now()));
    }

    void remove(String part) {
        parts.remove(part);
    }
}
