package io.meshbone.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Silences the Kafka client's own report of a failed probe (an ERROR from {@code NetworkClient} and a WARN with the
 * exception from {@code AdminMetadataManager}) while {@link KafkaReachability} probes, since the verb words that
 * failure itself in one line; the levels are restored when it is closed.
 */
final class QuietProbeLogs implements AutoCloseable {

    private static final List<String> NOISY = List.of("org.apache.kafka.clients.NetworkClient",
            "org.apache.kafka.clients.admin.internals.AdminMetadataManager");

    private final Map<Logger, Level> saved = new LinkedHashMap<>();

    private QuietProbeLogs() {
    }

    static QuietProbeLogs quiet() {
        QuietProbeLogs quiet = new QuietProbeLogs();
        for (String name : NOISY) {
            if (LoggerFactory.getLogger(name) instanceof Logger logger) {
                quiet.saved.put(logger, logger.getLevel());
                logger.setLevel(Level.OFF);
            }
        }
        return quiet;
    }

    @Override
    public void close() {
        saved.forEach(Logger::setLevel);
    }
}
