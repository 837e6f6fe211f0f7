package io.meshbone.localkafka.internal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.meshbone.localkafka.LocalKafkaSettings;

/** The broker and controller configs of a {@code LocalKafka} node. */
public final class NodeConfigs {

    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final int CONTROLLER_ID_WHEN_SEPARATE = 0;

    private NodeConfigs() {
    }

    /** One node that is both the broker and the only controller. */
    public static Map<String, String> combined(int nodeId, int port, int controllerPort, Path dir, LocalKafkaSettings settings) {
        Map<String, String> config = common(nodeId, controllerPort, nodeId, dir, settings.host());
        config.put("process.roles", "broker,controller");
        config.put("listeners", "PLAINTEXT://" + settings.host() + ":" + port + "," + CONTROLLER_LISTENER + "://" + settings.host() + ":" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://" + settings.host() + ":" + port);
        putBrokerDefaults(config, settings);
        return config;
    }

    /** A broker-only node of a multi-broker cluster. */
    public static Map<String, String> broker(int nodeId, int port, int controllerPort, Path dir, LocalKafkaSettings settings) {
        Map<String, String> config = common(nodeId, controllerPort, CONTROLLER_ID_WHEN_SEPARATE, dir, settings.host());
        config.put("process.roles", "broker");
        config.put("listeners", "PLAINTEXT://" + settings.host() + ":" + port);
        config.put("advertised.listeners", "PLAINTEXT://" + settings.host() + ":" + port);
        putBrokerDefaults(config, settings);
        return config;
    }

    /** The dedicated controller of a multi-broker cluster. */
    public static Map<String, String> controller(int nodeId, int controllerPort, Path dir, LocalKafkaSettings settings) {
        Map<String, String> config = common(nodeId, controllerPort, nodeId, dir, settings.host());
        config.put("process.roles", "controller");
        config.put("listeners", CONTROLLER_LISTENER + "://" + settings.host() + ":" + controllerPort);
        return config;
    }

    private static Map<String, String> common(int nodeId, int controllerPort, int controllerId, Path dir, String host) {
        Map<String, String> config = new HashMap<>();
        config.put("node.id", Integer.toString(nodeId));
        config.put("controller.quorum.voters", controllerId + "@" + host + ":" + controllerPort);
        config.put("controller.listener.names", CONTROLLER_LISTENER);
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        config.put("log.dirs", dir.toAbsolutePath().toString());
        return config;
    }

    private static void putBrokerDefaults(Map<String, String> config, LocalKafkaSettings settings) {
        int brokers = settings.brokers();
        String replication = Integer.toString(Math.min(3, brokers));
        String minIsr = Integer.toString(brokers == 1 ? 1 : 2);
        config.put("inter.broker.listener.name", "PLAINTEXT");
        // Internal topics must fit the cluster, or consumer groups and transactions never start.
        config.put("offsets.topic.replication.factor", replication);
        config.put("transaction.state.log.replication.factor", replication);
        config.put("transaction.state.log.min.isr", minIsr);
        config.put("share.coordinator.state.topic.replication.factor", replication);
        config.put("share.coordinator.state.topic.min.isr", minIsr);
        config.put("default.replication.factor", replication);
        // Fewer internal partitions: the first group and the first transaction start in a fraction of the time.
        config.put("offsets.topic.num.partitions", "10");
        config.put("transaction.state.log.num.partitions", "10");
        config.put("group.initial.rebalance.delay.ms", "0");
        config.putAll(settings.brokerConfigs());
    }
}
