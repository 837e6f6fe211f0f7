package io.meshbone.cli;

import java.nio.file.Path;
import java.util.Map;

import io.meshbone.localkafka.LocalKafkaSettings;
import io.meshbone.localkafka.internal.KafkaNode;
import io.meshbone.localkafka.internal.NodeConfigs;

/**
 * One Kafka node of {@link BrokerProcesses} in a JVM of its own, configured as {@code LocalKafka} configures its
 * three-broker cluster's nodes. It runs until its standard input ends: the benchmark holds the other end, so the node
 * stops when the benchmark closes it, and also when the benchmark's JVM dies.
 *
 * <p>Arguments: {@code NODE-ID controller|broker CONTROLLER-PORT CLIENT-PORT CLUSTER-ID DIR BROKERS}.
 */
public final class BenchKafkaNode {

    private BenchKafkaNode() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 7) {
            throw new IllegalArgumentException("expected NODE-ID controller|broker CONTROLLER-PORT CLIENT-PORT CLUSTER-ID DIR BROKERS, got "
                    + args.length + " arguments");
        }
        int nodeId = Integer.parseInt(args[0]);
        String role = args[1];
        int controllerPort = Integer.parseInt(args[2]);
        int clientPort = Integer.parseInt(args[3]);
        Path dir = Path.of(args[5]);
        int brokers = Integer.parseInt(args[6]);
        // LocalKafka's settings know 1 or 3 brokers; with 3 or more, the internal topics get three copies.
        LocalKafkaSettings settings = LocalKafkaSettings.defaults().withBrokers(brokers >= 3 ? 3 : 1);
        Map<String, String> config = switch (role) {
            case "controller" -> NodeConfigs.controller(nodeId, controllerPort, dir, settings);
            case "broker" -> NodeConfigs.broker(nodeId, clientPort, controllerPort, dir, settings);
            default -> throw new IllegalArgumentException("role: expected controller or broker, got " + role);
        };
        KafkaNode node = new KafkaNode(nodeId, dir, config);
        node.start(args[4]);
        System.err.printf("Kafka node %d (%s) started in process %d%n", nodeId, role, ProcessHandle.current().pid());
        while (System.in.read() >= 0) {
            // nothing is sent: the stream only ends
        }
        System.err.printf("Kafka node %d (%s): the benchmark closed its end, stopping%n", nodeId, role);
        node.stop();
        System.exit(0);
    }
}
