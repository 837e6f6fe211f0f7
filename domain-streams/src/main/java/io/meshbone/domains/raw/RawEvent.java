package io.meshbone.domains.raw;

import java.time.Instant;

/** A raw domain event: JSON on a raw topic, with the time it happened. */
public interface RawEvent {

    /** When the event happened; its event time in the domain apps. */
    Instant at();
}
