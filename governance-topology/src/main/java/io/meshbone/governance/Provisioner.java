package io.meshbone.governance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.meshbone.governance.internal.ProductTopicPlans;
import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.ListedProduct;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.platform.control.MeshTopics;
import io.meshbone.platform.provisioning.Drift;
import io.meshbone.platform.provisioning.ReconcileResult;
import io.meshbone.platform.provisioning.TopicPlan;
import io.meshbone.platform.provisioning.TopicReconciler;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Kafka's topics equal to the listed products, like an operator's reconcile loop.
 *
 * <p>It reads the compacted {@code _mesh.products} topic from the start (so a restart rebuilds
 * everything it needs), reconciles on every change and again every {@code resync} interval, and
 * publishes drift it cannot fix as {@link Decision.Outcome#DRIFT} decisions, once per new drift.
 */
public final class Provisioner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Provisioner.class);

    private final Map<String, Object> clientConfig;
    private final Duration resync;
    private final Map<String, ListedProduct> listed = new HashMap<>();
    private final Set<String> reportedDrift = new HashSet<>();
    private final Thread thread;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean running = true;
    private volatile long reconciledPasses;

    public Provisioner(Map<String, Object> clientConfig, Duration resync) {
        this.clientConfig = Map.copyOf(clientConfig);
        this.resync = resync;
        this.thread = new Thread(this::run, "meshbone-provisioner");
    }

    /** Starts the reconcile loop on its own thread. */
    public Provisioner start() {
        thread.start();
        return this;
    }

    /** Completed reconcile passes, for readiness checks and tests. */
    public long reconciledPasses() {
        return reconciledPasses;
    }

    private void run() {
        Map<String, Object> consumerConfig = new HashMap<>(clientConfig);
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (Admin admin = Admin.create(clientConfig);
             KafkaProducer<String, String> producer = new KafkaProducer<>(clientConfig, new StringSerializer(), new StringSerializer());
             KafkaConsumer<String, String> products = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            consumer = products;
            int brokers = admin.describeCluster().nodes().get().size();
            List<TopicPartition> partitions = products.partitionsFor(MeshTopics.PRODUCTS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            products.assign(partitions);
            products.seekToBeginning(partitions);
            TopicReconciler reconciler = new TopicReconciler(admin);
            long nextResync = 0;
            while (running) {
                boolean changed = false;
                for (ConsumerRecord<String, String> record : products.poll(Duration.ofMillis(500))) {
                    changed |= apply(record);
                }
                if (changed || System.nanoTime() >= nextResync) {
                    reconcile(reconciler, producer, brokers);
                    nextResync = System.nanoTime() + resync.toNanos();
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.error("the provisioner stopped: {}", e.getMessage(), e);
        }
    }

    private boolean apply(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return listed.remove(record.key()) != null;
        }
        try {
            listed.put(record.key(), MeshJson.read(record.value(), ListedProduct.class));
            return true;
        } catch (Exception e) {
            log.warn("skipping unreadable listing of {} at offset {}: {}", record.key(), record.offset(), e.getMessage());
            return false;
        }
    }

    private void reconcile(TopicReconciler reconciler, KafkaProducer<String, String> producer, int brokers) throws Exception {
        List<TopicPlan> plans = new ArrayList<>();
        Map<String, String> productOfTopic = new HashMap<>();
        for (ListedProduct listing : listed.values()) {
            if (listing.retired()) {
                continue;
            }
            var parsed = listing.contract();
            if (!parsed.valid()) {
                // The gate only lists valid contracts; a listing written by something else must not stop the others.
                log.warn("skipping listing of {}: its contract does not parse: {}", listing.name(), parsed.problems());
                continue;
            }
            for (TopicPlan plan : ProductTopicPlans.of(parsed.orThrow(), brokers)) {
                plans.add(plan);
                productOfTopic.put(plan.name(), listing.name());
            }
        }
        ReconcileResult result = reconciler.reconcile(plans);
        for (Drift drift : result.drift()) {
            if (reportedDrift.add(drift.describe())) {
                String product = productOfTopic.get(drift.topic());
                Decision decision = new Decision("drift-" + UUID.randomUUID(), product, Decision.Outcome.DRIFT, null, false,
                        List.of(drift.describe()), "meshbone-provisioner", Instant.now());
                producer.send(new ProducerRecord<>(MeshTopics.DECISIONS, product, MeshJson.write(decision))).get();
                log.warn("drift: {}", drift.describe());
            }
        }
        reconciledPasses++;
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
