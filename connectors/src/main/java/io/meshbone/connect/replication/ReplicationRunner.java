package io.meshbone.connect.replication;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import io.meshbone.connect.ConnectClient;
import io.meshbone.connect.ConnectorConfig;
import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.control.ListedProduct;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.platform.control.MeshTopics;
import io.meshbone.platform.health.PartReporter;
import io.meshbone.platform.health.SupervisedLoop;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one route's MirrorMaker 2 connector in step with the source cluster's listed products.
 *
 * <p>It reads {@code _mesh.products} on the source cluster from the start and, once caught up and on every
 * change after, plans the route's topics ({@link ReplicationPlanner}); when they differ from what the connector
 * copies it updates the connector's config in place ({@code PUT /connectors/{name}/config}: Connect restarts the
 * connector's tasks, the worker keeps running and the copied offsets), and deletes the connector when nothing is
 * left to copy. Listing or retiring a product changes the replication without a restart.
 */
public final class ReplicationRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReplicationRunner.class);

    private final ReplicationSettings settings;
    private final ConnectClient connect;
    private final PartReporter health;
    private final MirrorLineage lineage;
    private final Map<String, ListedProduct> listed = new HashMap<>();
    private volatile SortedSet<String> replicated = new TreeSet<>();
    private volatile long syncs;
    private SupervisedLoop loop;

    private ReplicationRunner(ReplicationSettings settings, PartReporter health) {
        this.settings = settings;
        this.connect = new ConnectClient(URI.create(settings.connectUrl()), settings.restUserInfo());
        this.health = health;
        this.lineage = new MirrorLineage(settings);
    }

    /** Starts following the source's listings; reports health as {@code replication-<source>-to-<target>}. */
    public static ReplicationRunner start(ReplicationSettings settings) {
        return start(settings, PartReporter.detached(partName(settings.route())));
    }

    public static ReplicationRunner start(ReplicationSettings settings, PartReporter health) {
        ReplicationRunner runner = new ReplicationRunner(settings, health);
        runner.loop = SupervisedLoop.start("meshbone-" + partName(settings.route()), health, runner::run);
        return runner;
    }

    /** The health part name of a route's runner. */
    public static String partName(ReplicationRoute route) {
        return "replication-" + route.source() + "-to-" + route.target();
    }

    /** The product topics the connector was last configured to copy. */
    public SortedSet<String> replicatedTopics() {
        return replicated;
    }

    /** How many times the connector config was written or deleted, for readiness checks and tests. */
    public long syncs() {
        return syncs;
    }

    private void run(SupervisedLoop supervisor) {
        Map<String, Object> config = settings.clientConfig(settings.sourceBootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> products = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            Runnable wakeup = products::wakeup;
            supervisor.onClose(wakeup);
            try {
                follow(supervisor, products);
            } finally {
                supervisor.removeOnClose(wakeup);
            }
        } catch (WakeupException e) {
            if (supervisor.running()) {
                throw e;
            }
        }
    }

    private void follow(SupervisedLoop supervisor, KafkaConsumer<String, String> products) {
        List<TopicPartition> partitions = products.partitionsFor(MeshTopics.PRODUCTS, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        products.assign(partitions);
        products.seekToBeginning(partitions);
        listed.clear();
        // Planning before the listing is read to its end would drop topics from a running connector.
        Map<TopicPartition, Long> end = products.endOffsets(partitions);
        boolean caughtUp = false;
        boolean changed = true;
        while (supervisor.running()) {
            for (ConsumerRecord<String, String> record : products.poll(Duration.ofMillis(500))) {
                changed |= apply(record);
            }
            caughtUp = caughtUp || partitions.stream().allMatch(p -> products.position(p) >= end.get(p));
            if (caughtUp && changed) {
                sync();
                changed = false;
                health.running();
            }
        }
    }

    private boolean apply(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return listed.remove(record.key()) != null;
        }
        try {
            listed.put(record.key(), MeshJson.read(record.value(), ListedProduct.class));
            return true;
        } catch (IOException | RuntimeException e) {
            log.warn("skipping unreadable listing of {} at offset {}: {}", record.key(), record.offset(), e.getMessage());
            return false;
        }
    }

    private void sync() {
        List<DataProduct> products = new ArrayList<>();
        for (ListedProduct listing : listed.values()) {
            if (!listing.retired()) {
                listing.contract().product().ifPresent(products::add);
            }
        }
        SortedSet<String> topics = ReplicationPlanner.topics(settings.topology(), settings.route(), products);
        ReplicationRoute route = settings.route();
        boolean exists = connect.config(route.connectorName()).isPresent();
        if (topics.isEmpty()) {
            if (exists) {
                connect.delete(route.connectorName());
                log.info("Replication {}: nothing to copy, connector {} deleted", route, route.connectorName());
                syncs++;
            }
        } else {
            ConnectorConfig wanted = MirrorSourceConfigs.of(settings, topics);
            if (!exists || !topics.equals(replicated)) {
                connect.apply(wanted);
                log.info("Replication {}: copying {}", route, topics);
                syncs++;
            }
        }
        replicated = topics;
        lineage.report(topics);
    }

    @Override
    public void close() {
        if (loop != null) {
            loop.close();
        }
        lineage.close();
    }
}
