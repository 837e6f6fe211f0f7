package io.meshbone.localkafka.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.meshbone.localkafka.KafkaSecurity;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * One KRaft process (broker, controller or both) running inside this JVM.
 *
 * <p>{@link KafkaRaftServer} and {@link Formatter} are Kafka internals; this is the only class
 * that touches them, so a Kafka upgrade changes one file.
 */
public final class KafkaNode {

    private final int nodeId;
    private final Path logDir;
    private final Map<String, String> config;
    private final KafkaSecurity security;
    private KafkaRaftServer server;

    public KafkaNode(int nodeId, Path logDir, Map<String, String> config) {
        this(nodeId, logDir, config, null);
    }

    /** A node whose first format stores the admin's SCRAM credential when {@code security} is set. */
    public KafkaNode(int nodeId, Path logDir, Map<String, String> config, KafkaSecurity security) {
        this.nodeId = nodeId;
        this.logDir = logDir;
        this.config = Map.copyOf(config);
        this.security = security;
    }

    public int nodeId() {
        return nodeId;
    }

    public boolean running() {
        return server != null;
    }

    /** Formats the log directory unless a previous run already did, then starts the node. */
    public void start(String clusterId) {
        Properties props = new Properties();
        props.putAll(config);
        KafkaConfig kafkaConfig = KafkaConfig.fromProps(props, false);
        format(kafkaConfig, clusterId);
        server = new KafkaRaftServer(kafkaConfig, Time.SYSTEM);
        server.startup();
    }

    private void format(KafkaConfig kafkaConfig, String clusterId) {
        ByteArrayOutputStream formatterOutput = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(formatterOutput, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(out)
                    .setNodeId(nodeId)
                    .setClusterId(clusterId)
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(kafkaConfig.metadataLogDir())
                    .setControllerListenerName(kafkaConfig.controllerListenerNames().get(0))
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setUnstableFeatureVersionsEnabled(false)
                    .setIgnoreFormatted(true)
                    .setScramArguments(scramArguments())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka log dir " + logDir + " for node " + nodeId
                    + ": " + e.getMessage() + " " + formatterOutput.toString(StandardCharsets.UTF_8), e);
        }
    }

    // Brokers authenticate to each other by SCRAM before anyone could add a user at runtime.
    private List<String> scramArguments() {
        if (security == null) {
            return List.of();
        }
        return List.of(KafkaSecurity.MECHANISM + "=[name=" + KafkaSecurity.ADMIN
                + ",password=" + security.adminPassword() + "]");
    }

    /** Stops the node and waits until all its threads are gone; idempotent. */
    public void stop() {
        if (server == null) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            server = null;
        }
    }
}
