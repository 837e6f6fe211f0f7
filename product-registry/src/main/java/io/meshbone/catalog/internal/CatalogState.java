package io.meshbone.catalog.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.ListedPolicy;
import io.meshbone.platform.control.ListedProduct;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.platform.control.MeshTopics;
import io.meshbone.platform.health.HealthRegistry;
import io.meshbone.platform.health.PartReporter;
import io.meshbone.platform.health.SupervisedLoop;
import io.meshbone.platform.lineage.LineageParts;
import io.meshbone.platform.mesh.MeshTopology;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog's view of the mesh, folded from {@code _mesh.products}, {@code _mesh.decisions}, {@code _mesh.lineage}
 * and {@code _mesh.policies}.
 *
 * <p>One thread reads the four topics from the beginning and keeps reading; readers get immutable snapshots.
 */
public final class CatalogState implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CatalogState.class);
    /** The name this reader reports its health under. */
    public static final String PART = "catalog-reader:mesh-topics";
    private static final List<String> TOPICS = List.of(MeshTopics.PRODUCTS, MeshTopics.DECISIONS, MeshTopics.LINEAGE,
            MeshTopics.POLICIES);

    /**
     * A listed product: the current listing, its parsed contract, every listing seen before, its search text and its
     * summary for lists (both made once per listing record, so a new listing replaces them with the entry).
     */
    public record Entry(ListedProduct listed, DataProduct product, List<ListedProduct> history, SearchText search,
                        ProductSummary summary) {

        Entry(ListedProduct listed, DataProduct product, List<ListedProduct> history) {
            this(listed, product, history, SearchText.of(product), ProductSummary.of(listed, product));
        }
    }

    /** The latest inputs and outputs (topic names) a job reported through OpenLineage. */
    public record Job(String name, Set<String> inputs, Set<String> outputs) {
    }

    /** By name: a search walks them in the order it ranks equal scores in. */
    private final Map<String, Entry> products = new ConcurrentSkipListMap<>();
    private final DecisionHistory decisions = new DecisionHistory();
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Map<String, ListedPolicy> policies = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, String> consumer;
    private final PartReporter health;
    private volatile SupervisedLoop loop;
    private volatile OtherClusters others = OtherClusters.NONE;
    private volatile boolean caughtUp;
    private Map<TopicPartition, Long> startEnds;

    private CatalogState(Map<String, Object> clientConfig, PartReporter health) {
        this.health = health;
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "meshbone-catalog-" + UUID.randomUUID());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    public static CatalogState start(Map<String, Object> clientConfig) {
        return start(clientConfig, PartReporter.detached(PART));
    }

    /** Starts reading on a supervised thread: a failure is reported to {@code health} and reading resumes after a backoff. */
    public static CatalogState start(Map<String, Object> clientConfig, PartReporter health) {
        CatalogState state = new CatalogState(clientConfig, health);
        state.loop = SupervisedLoop.start("meshbone-catalog-state", health, state::run);
        state.loop.onClose(state.consumer::wakeup);
        return state;
    }

    /**
     * Starts reading this cluster's topics and, with an isolated mesh's {@code clusters}, those of every other cluster
     * too ({@link OtherClusters}): products are then those of the whole mesh, each as its home cluster lists it.
     */
    public static CatalogState start(Map<String, Object> clientConfig, PartReporter health, Optional<MeshTopology> clusters,
                                     HealthRegistry parts) {
        CatalogState state = start(clientConfig, health);
        try {
            state.others = OtherClusters.start(clusters, clientConfig, parts);
        } catch (RuntimeException e) {
            state.close();
            throw e;
        }
        return state;
    }

    public boolean caughtUp() {
        return caughtUp && others.caughtUp();
    }

    public Map<String, Entry> products() {
        return new TreeMap<>(others.none() ? products : others.merge(products));
    }

    /** The listed products in name order, without copying them (on one cluster): what a search scans. */
    Collection<Entry> entries() {
        return others.none() ? Collections.unmodifiableCollection(products.values()) : products().values();
    }

    public Optional<Entry> product(String name) {
        return others.product(name).or(() -> Optional.ofNullable(products.get(name)));
    }

    public List<Decision> decisions(String product) {
        if (others.none()) {
            return decisions.of(product);
        }
        List<Decision> all = new ArrayList<>(decisions.of(product));
        all.addAll(others.decisions(product));
        return all;
    }

    /** The policies in force, by name. */
    public Map<String, ListedPolicy> policies() {
        return new TreeMap<>(policies);
    }

    /**
     * The jobs of this cluster and, in an isolated mesh, of the others (copies between clusters among them); a job that
     * reported in parts ({@link LineageParts}, the record gate of thousands of products) is one job, the union of its parts.
     */
    public List<Job> jobs() {
        Map<String, Job> whole = new LinkedHashMap<>();
        for (Job part : jobs.values()) {
            whole.merge(LineageParts.jobOf(part.name()), new Job(LineageParts.jobOf(part.name()), part.inputs(), part.outputs()),
                    (a, b) -> new Job(a.name(), union(a.inputs(), b.inputs()), union(a.outputs(), b.outputs())));
        }
        if (others.none()) {
            return List.copyOf(whole.values());
        }
        List<Job> all = new ArrayList<>(whole.values());
        all.addAll(others.jobs());
        return all;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** One attempt; after a failure the next one goes on from the consumer's position, folding nothing twice. */
    private void run(SupervisedLoop supervisor) {
        try {
            // An attempt that failed between assigning and reading the end offsets (a timeout on a loaded broker) left
            // no end offsets: the next one starts over rather than failing on them for good.
            if (consumer.assignment().isEmpty() || startEnds == null) {
                List<TopicPartition> partitions = AssignedTopics.await(consumer, TOPICS, supervisor, "mesh topics");
                if (partitions == null) {
                    return;
                }
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                startEnds = consumer.endOffsets(partitions);
            }
            while (supervisor.running()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    apply(record);
                }
                if (!caughtUp && startEnds.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    caughtUp = true;
                    log.info("Catalog caught up: {} products", products.size());
                }
                if (caughtUp) {
                    health.running(AssignedTopics.lag(consumer));
                }
            }
        } catch (WakeupException e) {
            if (supervisor.running()) {
                throw e;
            }
        }
    }

    private void apply(ConsumerRecord<String, String> record) {
        try {
            switch (record.topic()) {
                case MeshTopics.PRODUCTS -> applyProduct(record.key(), record.value());
                case MeshTopics.DECISIONS -> applyDecision(record.value());
                case MeshTopics.POLICIES -> applyPolicy(record.key(), record.value());
                default -> applyLineage(record.value());
            }
        } catch (Exception e) {
            // The record's content stays out of the log: only where it was and why it was skipped.
            log.warn("Skipping unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getClass().getSimpleName());
        }
    }

    private void applyProduct(String name, String json) throws Exception {
        if (json == null) {
            products.remove(name);
            return;
        }
        ListedProduct listed = MeshJson.read(json, ListedProduct.class);
        DataProduct product = listed.contract().orThrow();
        Entry previous = products.get(listed.name());
        List<ListedProduct> history = new ArrayList<>(previous == null ? List.of() : previous.history());
        if (history.isEmpty() || !history.get(history.size() - 1).requestId().equals(listed.requestId())) {
            history.add(listed);
        }
        products.put(listed.name(), new Entry(listed, product, List.copyOf(history)));
    }

    private void applyDecision(String json) throws Exception {
        Decision decision = MeshJson.read(json, Decision.class);
        // Decisions on policy requests name no product; the policy itself is folded from _mesh.policies.
        if (decision.product() != null) {
            decisions.add(decision);
        }
    }

    private void applyPolicy(String name, String json) throws Exception {
        if (json == null) {
            policies.remove(name);
            return;
        }
        ListedPolicy listed = MeshJson.read(json, ListedPolicy.class);
        policies.put(listed.policy().name(), listed);
    }

    private void applyLineage(String json) throws Exception {
        JsonNode event = MeshJson.tree(json);
        String job = event.path("job").path("name").asText();
        if (job.isEmpty()) {
            return;
        }
        if (!"START".equals(event.path("eventType").asText()) && !"RUNNING".equals(event.path("eventType").asText())) {
            // A finished run keeps the edges it reported: lineage is history, not liveness.
            return;
        }
        jobs.put(job, new Job(job, names(event.path("inputs")), names(event.path("outputs"))));
    }

    private static Set<String> names(JsonNode datasets) {
        Set<String> names = new LinkedHashSet<>();
        datasets.forEach(d -> names.add(d.path("name").asText()));
        return names;
    }

    @Override
    public void close() {
        SupervisedLoop current = loop;
        if (current != null) {
            current.close();
        }
        consumer.close(Duration.ofSeconds(5));
        others.close();
    }
}
