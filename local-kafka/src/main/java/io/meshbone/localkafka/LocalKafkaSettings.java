package io.meshbone.localkafka;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * How to run a {@link LocalKafka}: broker count, ports, storage and extra broker configs.
 *
 * @param brokers       1 (one combined broker+controller) or 3 (three brokers, one controller)
 * @param host          the host name brokers listen on and advertise
 * @param port          the first broker's client port, the next brokers take the following ports
 *                      and the controller the one after them; 0 picks free ephemeral ports
 * @param dataDir       persistent storage that survives a restart; {@code null} for a temporary
 *                      directory removed on close
 * @param brokerConfigs broker configs that override Meshbone's defaults, e.g.
 *                      {@code auto.create.topics.enable=false}
 * @param security      SASL/SCRAM authentication and ACL authorization; {@code null} for an open
 *                      cluster with PLAINTEXT listeners
 */
public record LocalKafkaSettings(int brokers, String host, int port, Path dataDir, Map<String, String> brokerConfigs,
                                 KafkaSecurity security) {

    /** An open cluster: PLAINTEXT listeners, no authorizer. */
    public LocalKafkaSettings(int brokers, String host, int port, Path dataDir, Map<String, String> brokerConfigs) {
        this(brokers, host, port, dataDir, brokerConfigs, null);
    }

    public LocalKafkaSettings {
        if (brokers != 1 && brokers != 3) {
            throw new IllegalArgumentException("brokers: expected 1 or 3, got " + brokers);
        }
        if (port < 0 || port > 65535 - brokers) {
            throw new IllegalArgumentException("port: expected 0 (ephemeral) or 1.." + (65535 - brokers) + ", got " + port);
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host: expected a host name, got '" + host + "'");
        }
        brokerConfigs = Map.copyOf(brokerConfigs);
    }

    /** One node, ephemeral ports, temporary storage. */
    public static LocalKafkaSettings defaults() {
        return new LocalKafkaSettings(1, "localhost", 0, null, Map.of());
    }

    public LocalKafkaSettings withBrokers(int count) {
        return new LocalKafkaSettings(count, host, port, dataDir, brokerConfigs, security);
    }

    public LocalKafkaSettings withPort(int firstPort) {
        return new LocalKafkaSettings(brokers, host, firstPort, dataDir, brokerConfigs, security);
    }

    public LocalKafkaSettings withDataDir(Path dir) {
        return new LocalKafkaSettings(brokers, host, port, dir, brokerConfigs, security);
    }

    public LocalKafkaSettings withBrokerConfig(String name, String value) {
        Map<String, String> configs = new HashMap<>(brokerConfigs);
        configs.put(name, value);
        return new LocalKafkaSettings(brokers, host, port, dataDir, configs, security);
    }

    /**
     * SCRAM-SHA-512 on every client listener, {@code StandardAuthorizer} with no access where no
     * ACL matches, {@code User:admin} the only super user, and no topic auto-creation.
     */
    public LocalKafkaSettings withSecurity(String adminPassword) {
        return new LocalKafkaSettings(brokers, host, port, dataDir, brokerConfigs, new KafkaSecurity(adminPassword));
    }

    /** Whether clients must authenticate. */
    public boolean secure() {
        return security != null;
    }
}
