package io.meshbone.platform.health;

import java.time.Instant;
import java.util.Objects;

/**
 * One part of the mesh as the health endpoint reports it: its state, why it failed, and how far it lags.
 *
 * @param part   the part's name, e.g. {@code provisioner} or {@code domain-app:orders-revenue-by-hour}
 * @param state  starting, running or failed
 * @param reason why the part failed or is starting again; null while it runs
 * @param lag    records the part still has to read, or null where a part has no such number
 * @param since  when the part entered this state
 */
public record PartHealth(String part, State state, String reason, Long lag, Instant since) {

    /** Where a part is in its life. */
    public enum State { STARTING, RUNNING, FAILED }

    public PartHealth {
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
    }

    /** True when the part has failed and is not being retried to health. */
    public boolean failed() {
        return state == State.FAILED;
    }
}
