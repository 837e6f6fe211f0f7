package io.meshbone.connect.replication;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.meshbone.connect.ConnectorConfig;
import io.meshbone.connect.ConnectorSecrets;

/**
 * The MirrorMaker 2 {@code MirrorSourceConnector} config that copies a route's product topics, as Kafka ships it.
 *
 * <p>Topic names stay as they are ({@code IdentityReplicationPolicy}), so a consumer finds a product under the
 * same topic on every cluster that serves it. Keys, values and headers are copied as bytes (lineage headers
 * included); the topics are named one by one, quoted, so no regex can widen the list, and staging,
 * dead-letter and internal topics are excluded on top. Offset syncs are off: no consumer-group checkpoints are
 * translated, and the connector never writes to the source cluster.
 */
public final class MirrorSourceConfigs {

    public static final String CONNECTOR_CLASS = "org.apache.kafka.connect.mirror.MirrorSourceConnector";
    public static final String IDENTITY_POLICY = "org.apache.kafka.connect.mirror.IdentityReplicationPolicy";
    static final String BYTES = "org.apache.kafka.connect.converters.ByteArrayConverter";
    // Never copied, whatever the list says: staging and DLQ topics, mesh and Kafka internals, MirrorMaker's own.
    static final String EXCLUDED = ".*\\.staging, .*\\.dlq, _.*, mm2.*\\.internal, .*\\.replica, __.*";

    /** Where the credentials go: the source cluster's clients, the target's admin, and the worker's producer for this connector. */
    static final String[] LOGIN_PREFIXES = {"source.cluster.", "target.cluster.", "producer.override."};

    private MirrorSourceConfigs() {
    }

    /** The connector config copying {@code topics} (product topic names) on the settings' route. */
    public static ConnectorConfig of(ReplicationSettings settings, Collection<String> topics) {
        ReplicationRoute route = settings.route();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", CONNECTOR_CLASS);
        config.put("tasks.max", "1");
        config.put("source.cluster.alias", route.source());
        config.put("target.cluster.alias", route.target());
        config.put("source.cluster.bootstrap.servers", settings.sourceBootstrapServers());
        config.put("target.cluster.bootstrap.servers", settings.targetBootstrapServers());
        settings.sourceClientConfig().forEach((key, value) -> config.put("source.cluster." + key, String.valueOf(value)));
        // Secure mode: the connector's own principal reads the source, writes the copies (its producer, in place of the
        // worker's) and manages them on the target; secrets stay in the credentials file, named by placeholder.
        settings.credentials().ifPresent(file -> settings.login().forEach((key, value) -> {
            String setting = ConnectorSecrets.secret(key) ? "${file:" + file + ":" + key + "}" : value;
            for (String prefix : LOGIN_PREFIXES) {
                config.put(prefix + key, setting);
            }
        }));
        config.put("replication.policy.class", IDENTITY_POLICY);
        config.put("topics", topics.stream().map(Pattern::quote).collect(Collectors.joining(",")));
        config.put("topics.exclude", EXCLUDED);
        config.put("key.converter", BYTES);
        config.put("value.converter", BYTES);
        config.put("header.converter", BYTES);
        config.put("sync.topic.acls.enabled", "false");
        config.put("sync.topic.configs.enabled", "true");
        config.put("emit.offset-syncs.enabled", "false");
        config.put("heartbeats.replication.enabled", "false");
        config.put("refresh.topics.interval.seconds", Long.toString(Math.max(1, settings.refreshTopics().toSeconds())));
        config.put("replication.factor", Short.toString(settings.replicationFactor()));
        // Products are written in the gate's transactions: copy only what was committed.
        config.put("consumer.isolation.level", "read_committed");
        if (settings.exactlyOnce()) {
            config.put("exactly.once.support", "required");
        }
        return new ConnectorConfig(route.connectorName(), config);
    }
}
