package io.meshbone.governance;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * How to run the governance services.
 *
 * @param clientConfig Kafka client properties, at least {@code bootstrap.servers}
 * @param registryUrl  the schema registry the gates register and look up schemas in
 * @param stateDir     where the Kafka Streams apps keep local state
 * @param meters       where the gate registers its per-product meters
 * @param resync       how often the provisioner reconciles even without a change
 */
public record GovernanceSettings(Map<String, Object> clientConfig, String registryUrl, Path stateDir, MeterRegistry meters,
                                 Duration resync) {

    public GovernanceSettings {
        clientConfig = Map.copyOf(clientConfig);
    }

    public String bootstrapServers() {
        return clientConfig.get("bootstrap.servers").toString();
    }
}
