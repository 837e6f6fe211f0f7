package io.meshbone.governance;

import java.util.Properties;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** What both gates run with: exactly-once, and commits every 100 ms (the record gate: 20 ms) so a verdict is visible within a moment. */
final class GateStreamsConfig {

    /** The producer's name for what the product topics' {@code compression.type=uncompressed} stores. */
    static final String GATE_PRODUCER_COMPRESSION = "none";

    static final int RECORD_GATE_COMMIT_INTERVAL_MS = 20;

    /** The consumer's internal switch that Streams turns off ({@code ConsumerConfig.LEAVE_GROUP_ON_CLOSE_CONFIG}, not public). */
    static final String LEAVE_GROUP_ON_CLOSE = "internal.leave.group.on.close";

    private GateStreamsConfig() {
    }

    static Properties exactlyOnce(String applicationId, String bootstrapServers, String stateDir) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        // Streams' consumer stays in its group on close by default (close(CloseOptions.leaveGroup) only removes
        // static members): the instance that starts next, or still runs, would get the partitions only after the
        // session timeout (45 s for the contract gate). Leaving hands them over at once.
        props.put(StreamsConfig.mainConsumerPrefix(LEAVE_GROUP_ON_CLOSE), true);
        return props;
    }

    /**
     * The record gate's own settings on top of {@link #exactlyOnce}. A product consumer ({@code read_committed}) sees a
     * record only when the gate's transaction commits, so the commit interval is the floor of end-to-end latency:
     * 20 ms, not 100 or 50, gave the lowest p50 and p99 in the measured runs (README, latency benchmark). The producer
     * compresses with the product topics' codec, so the broker stores its batches as they come: a batch of small
     * records carries the same five lineage header names and mostly the same values in every record, and
     * compressed they cost a fraction of their ~170 bytes (README, gate benchmark). {@code linger.ms} and
     * {@code batch.size} stay Streams' own: every commit flushes the producer, so the commit interval, not linger,
     * bounds how long a record waits.
     */
    static Properties dataPlane(Properties props) {
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, RECORD_GATE_COMMIT_INTERVAL_MS);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), GATE_PRODUCER_COMPRESSION);
        return props;
    }
}
