package io.meshbone.localkafka.internal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.meshbone.localkafka.KafkaSecurity;
import io.meshbone.localkafka.LocalKafkaSettings;

/** The broker and controller configs of a {@code LocalKafka} node. */
public final class NodeConfigs {

    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final int CONTROLLER_ID_WHEN_SEPARATE = 0;

    private NodeConfigs() {
    }

    /** One node that is both the broker and the only controller. */
    public static Map<String, String> combined(int nodeId, int port, int controllerPort, Path dir, LocalKafkaSettings settings) {
        Map<String, String> config = common(nodeId, controllerPort, nodeId, dir, settings);
        String client = clientListener(settings);
        config.put("process.roles", "broker,controller");
        config.put("listeners", client + "://" + settings.host() + ":" + port + "," + CONTROLLER_LISTENER + "://" + settings.host() + ":" + controllerPort);
        config.put("advertised.listeners", client + "://" + settings.host() + ":" + port);
        putBrokerDefaults(config, settings);
        return config;
    }

    /** A broker-only node of a multi-broker cluster. */
    public static Map<String, String> broker(int nodeId, int port, int controllerPort, Path dir, LocalKafkaSettings settings) {
        Map<String, String> config = common(nodeId, controllerPort, CONTROLLER_ID_WHEN_SEPARATE, dir, settings);
        String client = clientListener(settings);
        config.put("process.roles", "broker");
        config.put("listeners", client + "://" + settings.host() + ":" + port);
        config.put("advertised.listeners", client + "://" + settings.host() + ":" + port);
        putBrokerDefaults(config, settings);
        return config;
    }

    /** The dedicated controller of a multi-broker cluster. */
    public static Map<String, String> controller(int nodeId, int controllerPort, Path dir, LocalKafkaSettings settings) {
        Map<String, String> config = common(nodeId, controllerPort, nodeId, dir, settings);
        config.put("process.roles", "controller");
        config.put("listeners", CONTROLLER_LISTENER + "://" + settings.host() + ":" + controllerPort);
        return config;
    }

    private static String clientListener(LocalKafkaSettings settings) {
        return settings.secure() ? KafkaSecurity.PROTOCOL : "PLAINTEXT";
    }

    private static Map<String, String> common(int nodeId, int controllerPort, int controllerId, Path dir, LocalKafkaSettings settings) {
        Map<String, String> config = new HashMap<>();
        config.put("node.id", Integer.toString(nodeId));
        config.put("controller.quorum.voters", controllerId + "@" + settings.host() + ":" + controllerPort);
        config.put("controller.listener.names", CONTROLLER_LISTENER);
        config.put("log.dirs", dir.toAbsolutePath().toString());
        if (settings.secure()) {
            putSecurity(config, settings.security());
        } else {
            config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        }
        return config;
    }

    /**
     * Clients authenticate by SCRAM, whose credentials live in the cluster metadata; the
     * controller listener authenticates by PLAIN against its JAAS line, since controllers must
     * accept brokers before any metadata is served. Brokers and controllers log in as the admin.
     */
    private static void putSecurity(Map<String, String> config, KafkaSecurity security) {
        String password = security.adminPassword();
        String controller = CONTROLLER_LISTENER.toLowerCase();
        String client = KafkaSecurity.PROTOCOL.toLowerCase();
        config.put("listener.security.protocol.map",
                KafkaSecurity.PROTOCOL + ":SASL_PLAINTEXT," + CONTROLLER_LISTENER + ":SASL_PLAINTEXT");
        config.put("sasl.enabled.mechanisms", KafkaSecurity.MECHANISM);
        config.put("listener.name." + client + ".sasl.enabled.mechanisms", KafkaSecurity.MECHANISM);
        config.put("listener.name." + client + ".scram-sha-512.sasl.jaas.config",
                KafkaSecurity.scramJaas(KafkaSecurity.ADMIN, password));
        config.put("sasl.mechanism.controller.protocol", "PLAIN");
        config.put("listener.name." + controller + ".sasl.enabled.mechanisms", "PLAIN");
        config.put("listener.name." + controller + ".plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + KafkaSecurity.ADMIN
                        + "\" password=\"" + password + "\" user_" + KafkaSecurity.ADMIN + "=\"" + password + "\";");
        config.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        config.put("allow.everyone.if.no.acl.found", "false");
        config.put("super.users", "User:" + KafkaSecurity.ADMIN);
    }

    private static void putBrokerDefaults(Map<String, String> config, LocalKafkaSettings settings) {
        int brokers = settings.brokers();
        String replication = Integer.toString(Math.min(3, brokers));
        String minIsr = Integer.toString(brokers == 1 ? 1 : 2);
        config.put("inter.broker.listener.name", clientListener(settings));
        if (settings.secure()) {
            config.put("sasl.mechanism.inter.broker.protocol", KafkaSecurity.MECHANISM);
            // A secure mesh creates every topic on purpose, with its owner's ACLs beside it.
            config.put("auto.create.topics.enable", "false");
        }
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
