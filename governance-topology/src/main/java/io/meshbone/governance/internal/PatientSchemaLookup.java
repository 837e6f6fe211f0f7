package io.meshbone.governance.internal;

import java.time.Duration;
import java.util.Optional;

import io.meshbone.platform.registry.SchemaRegistryException;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits out a schema registry outage instead of judging records by it: a retriable failure (no answer, 408, 429,
 * 5xx) is retried with exponential backoff; a permanent refusal is passed on for the gate to dead-letter.
 *
 * <p>A record's verdict must not depend on whether the registry was up, so an outage never dead-letters. The wait is
 * bounded by {@code patience}: then the last failure is thrown, the stream thread is replaced and reads the same
 * record again (exactly-once aborts the open transaction), so a long outage holds the gate back without spinning.
 */
public final class PatientSchemaLookup implements SchemaLookup {

    private static final Logger log = LoggerFactory.getLogger(PatientSchemaLookup.class);

    private final SchemaLookup registry;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration patience;

    public PatientSchemaLookup(SchemaLookup registry, Duration initialBackoff, Duration maxBackoff, Duration patience) {
        this.registry = registry;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.patience = patience;
    }

    /** Backoff from 200 ms to 10 s, for at most two minutes per record: well within the consumer's 5-minute poll interval. */
    public static PatientSchemaLookup standard(SchemaLookup registry) {
        return new PatientSchemaLookup(registry, Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofMinutes(2));
    }

    @Override
    public Optional<Schema> schemaIn(String subject, int id) {
        long deadline = System.nanoTime() + patience.toNanos();
        Duration backoff = initialBackoff;
        for (int attempt = 1; ; attempt++) {
            try {
                return registry.schemaIn(subject, id);
            } catch (SchemaRegistryException e) {
                if (!e.retriable() || System.nanoTime() + backoff.toNanos() > deadline) {
                    throw e;
                }
                log.warn("Schema registry unavailable looking up schema id {} under {} (attempt {}), retrying in {} ms: {}",
                        id, subject, attempt, backoff.toMillis(), e.getMessage());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("interrupted while waiting for the schema registry to come back", e);
        }
    }
}
