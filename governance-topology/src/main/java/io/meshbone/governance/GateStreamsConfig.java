package io.meshbone.governance;

import java.util.Properties;

import io.meshbone.platform.control.ProductTopicPlans;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** What both gates run with: exactly-once, and commits every 100 ms (the record gate: 20 ms) so a verdict is visible within a moment. */
final class GateStreamsConfig {

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
     * record only when the gate's transaction commits, so a record waits half the interval on average plus the commit:
     * 20 ms gave a median of 26-30 ms end to end against 66-67 ms at 100 ms; 10 ms gained 4-8 ms for twice the
     * commits, each costing the broker transaction-log and offsets writes and a marker per written partition (README,
     * latency benchmark). The producer uses the product topics' codec, gzip at level 1, so the broker stores its batches
     * as they come ({@link ProductTopicPlans#PRODUCT_COMPRESSION} says why gzip). {@code linger.ms} and
     * {@code batch.size} stay Streams' own: every commit flushes the producer, so the commit interval, not linger,
     * bounds how long a record waits.
     */
    static Properties dataPlane(Properties props) {
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, RECORD_GATE_COMMIT_INTERVAL_MS);
        // The product topics' own codec and level, so the broker stores the gate's batches as they come.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), ProductTopicPlans.PRODUCT_COMPRESSION);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_GZIP_LEVEL_CONFIG), ProductTopicPlans.PRODUCT_COMPRESSION_LEVEL);
        return props;
    }
}
