package io.meshbone.governance;

import java.util.Properties;

import org.apache.kafka.streams.StreamsConfig;

/** What both gates run with: exactly-once, and commits every 100 ms so a verdict is visible within a moment. */
final class GateStreamsConfig {

    private GateStreamsConfig() {
    }

    static Properties exactlyOnce(String applicationId, String bootstrapServers, String stateDir) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        return props;
    }
}
