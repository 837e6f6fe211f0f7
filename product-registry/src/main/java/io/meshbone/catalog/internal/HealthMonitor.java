package io.meshbone.catalog.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.meshbone.platform.contract.ProductNames;
import io.meshbone.platform.health.HealthRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live health of every listed product, measured from the topics themselves, so it works across processes.
 *
 * <p>Once a second it samples the committed records {@link TopicCounter} has seen on each product's staging,
 * product and DLQ topics, and asks the brokers for the newest record timestamp of the product topic; rates are
 * the deltas over the last ten seconds. Totals count from when the catalog started (DLQ totals from the beginning).
 */
public final class HealthMonitor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HealthMonitor.class);
    private static final int SAMPLES_KEPT = 120;
    private static final Duration RATE_WINDOW = Duration.ofSeconds(10);
    private static final Duration PARTITIONS_REFRESH = Duration.ofMinutes(1);

    /** Committed records counted at one moment: in (staging), out (product), dead-lettered, and dead letters by code. */
    public record Sample(long at, long in, long out, long dlq, Map<String, Long> dlqByCode) {
    }

    private final CatalogState state;
    private final Admin admin;
    private final TopicCounter counter;
    private final Map<String, SampleHistory> samples = new ConcurrentHashMap<>();
    /** When the last {@link #SAMPLES_KEPT} measurements were taken, shared by every product's series. */
    private final Deque<Long> sampleTimes = new ArrayDeque<>();
    private final Map<String, Long> newestTimestamps = new ConcurrentHashMap<>();
    /** Per product topic, when its newest timestamp was last asked for and what the counter had seen of it then. */
    private final Map<String, Asked> newestAsked = new HashMap<>();

    private record Asked(long atNanos, long counted, boolean followed) {
    }
    private final Map<String, List<TopicPartition>> partitionsByTopic = new HashMap<>();
    private long partitionsDescribedAt = System.nanoTime();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "meshbone-catalog-health");
        t.setDaemon(true);
        return t;
    });

    private final HealthRegistry parts;

    private HealthMonitor(Map<String, Object> clientConfig, CatalogState state, HealthRegistry parts) {
        this.state = state;
        this.parts = parts;
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "meshbone-catalog-health");
        this.admin = Admin.create(config);
        this.counter = TopicCounter.start(clientConfig, parts.part(TopicCounter.PART));
    }

    public static HealthMonitor start(Map<String, Object> clientConfig, CatalogState state) {
        return start(clientConfig, state, new HealthRegistry());
    }

    /** Starts measuring; its topic counter reports its own health to {@code parts}. */
    public static HealthMonitor start(Map<String, Object> clientConfig, CatalogState state, HealthRegistry parts) {
        HealthMonitor monitor = new HealthMonitor(clientConfig, state, parts);
        monitor.timer.scheduleWithFixedDelay(monitor::measureQuietly, 0, 1, TimeUnit.SECONDS);
        return monitor;
    }

    /** Where the mesh's parts report their state, for {@code GET /api/health}. */
    public HealthRegistry parts() {
        return parts;
    }

    /** What {@code /api/products/{name}} reports as live health. */
    public Map<String, Object> health(String product, CatalogState.Entry entry) {
        Map<String, Object> health = new java.util.LinkedHashMap<>();
        List<Sample> series = series(product);
        Sample last = series.isEmpty() ? null : series.get(series.size() - 1);
        Sample base = null;
        for (Sample s : series) {
            if (last != null && last.at() - s.at() <= RATE_WINDOW.toMillis()) {
                base = s;
                break;
            }
        }
        double seconds = last == null || base == null ? 0 : (last.at() - base.at()) / 1000.0;
        health.put("recordsInPerSec", rate(seconds, last == null ? 0 : last.in() - base.in()));
        health.put("recordsOutPerSec", rate(seconds, last == null ? 0 : last.out() - base.out()));
        health.put("dlqPerSec", rate(seconds, last == null ? 0 : last.dlq() - base.dlq()));
        health.put("totals", Map.of("in", last == null ? 0 : last.in(), "out", last == null ? 0 : last.out(),
                "dlq", last == null ? 0 : last.dlq()));
        health.put("dlqByCode", counter.countsByCode(entry.product().names().dlqTopic()));
        Map<String, Double> dlqRates = new java.util.TreeMap<>();
        if (last != null) {
            Sample from = base;
            last.dlqByCode().forEach((code, count) -> dlqRates.put(code, rate(seconds, count - from.dlqByCode().getOrDefault(code, 0L))));
        }
        health.put("dlqPerSecByCode", dlqRates);
        health.put("dlqReasons", counter.recentReasons(entry.product().names().dlqTopic()));
        Long newest = newestTimestamps.get(product);
        Duration freshness = entry.product().spec().slo().map(slo -> slo.freshness()).orElse(null);
        long ageMs = newest == null ? -1 : Math.max(0, System.currentTimeMillis() - newest);
        health.put("newestRecordAt", newest == null ? null : Instant.ofEpochMilli(newest).toString());
        health.put("newestRecordAgeMs", newest == null ? null : ageMs);
        health.put("freshnessSlo", freshness == null ? null : freshness.toString());
        health.put("sloStatus", freshness == null ? "NO_SLO" : newest == null ? "NO_DATA"
                : ageMs <= freshness.toMillis() ? "OK" : "LATE");
        List<Map<String, Object>> points = new ArrayList<>();
        for (int i = 1; i < series.size(); i++) {
            Sample a = series.get(i - 1);
            Sample b = series.get(i);
            double dt = (b.at() - a.at()) / 1000.0;
            points.add(Map.of("at", b.at(), "in", rate(dt, b.in() - a.in()), "out", rate(dt, b.out() - a.out()),
                    "dlq", rate(dt, b.dlq() - a.dlq())));
        }
        health.put("series", points);
        return health;
    }

    private List<Sample> series(String product) {
        SampleHistory history = samples.get(product);
        if (history == null) {
            return List.of();
        }
        List<Long> times;
        synchronized (sampleTimes) {
            times = List.copyOf(sampleTimes);
        }
        return history.at(times);
    }

    private static double rate(double seconds, long delta) {
        return seconds <= 0 ? 0.0 : Math.round(delta / seconds * 10) / 10.0;
    }

    private void measureQuietly() {
        try {
            measure();
        } catch (Exception e) {
            log.debug("Health measurement skipped: {}", e.toString());
        }
    }

    // Product topics' partitions, described once per topic (not every second): partitions only ever grow,
    // and a grown topic is described again after PARTITIONS_REFRESH.
    private List<String> productTopicPartitions(Map<String, ProductNames> names) throws InterruptedException {
        long now = System.nanoTime();
        if (now - partitionsDescribedAt > PARTITIONS_REFRESH.toNanos()) {
            partitionsByTopic.clear();
            partitionsDescribedAt = now;
        }
        List<String> unknown = names.values().stream().map(ProductNames::topic).filter(t -> !partitionsByTopic.containsKey(t)).toList();
        if (!unknown.isEmpty()) {
            for (Map.Entry<String, KafkaFuture<TopicDescription>> described : admin.describeTopics(unknown).topicNameValues().entrySet()) {
                try {
                    TopicDescription description = described.getValue().get();
                    partitionsByTopic.put(description.name(), description.partitions().stream()
                            .map(p -> new TopicPartition(description.name(), p.partition())).toList());
                } catch (ExecutionException e) {
                    // not provisioned yet: asked again next time
                }
            }
        }
        return names.values().stream().map(ProductNames::topic).filter(partitionsByTopic::containsKey).toList();
    }

    /**
     * Whether to ask the brokers for the topic's newest timestamp this second: the first time, when the counter saw
     * new committed records on it since the last answer, until the counter follows it, and once every {@link #PARTITIONS_REFRESH} for what the counter
     * cannot see (records written before it followed the topic). Asking for every topic every second cost thousands of
     * partition lookups a second with thousands of idle products.
     */
    private boolean newestMayHaveChanged(String topic, long now) {
        Asked asked = newestAsked.get(topic);
        // Until the counter follows the topic (from its end), records it will never count may arrive: keep asking.
        return asked == null || !asked.followed() || asked.counted() != counter.records(topic)
                || now - asked.atNanos() >= PARTITIONS_REFRESH.toNanos();
    }

    private void measure() throws ExecutionException, InterruptedException {
        Map<String, ProductNames> names = new HashMap<>();
        state.products().forEach((name, entry) -> names.put(name, entry.product().names()));
        if (names.isEmpty()) {
            return;
        }
        Set<String> topics = new HashSet<>();
        names.values().forEach(n -> topics.addAll(List.of(n.topic(), n.stagingTopic(), n.dlqTopic())));
        counter.follow(topics);
        Map<TopicPartition, OffsetSpec> maxTs = new HashMap<>();
        Map<String, Asked> asking = new HashMap<>();
        long askedAt = System.nanoTime();
        for (String topic : productTopicPartitions(names)) {
            if (newestMayHaveChanged(topic, askedAt)) {
                partitionsByTopic.get(topic).forEach(tp -> maxTs.put(tp, OffsetSpec.maxTimestamp()));
                asking.put(topic, new Asked(askedAt, counter.records(topic), counter.follows(topic)));
            }
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> newest = maxTs.isEmpty() ? Map.of()
                : admin.listOffsets(maxTs).all().get();
        newestAsked.keySet().retainAll(partitionsByTopic.keySet());
        newestAsked.putAll(asking);
        Map<String, Long> newestByTopic = new HashMap<>();
        newest.forEach((partition, info) -> {
            if (info.offset() >= 0 && info.timestamp() >= 0) {
                newestByTopic.merge(partition.topic(), info.timestamp(), Math::max);
            }
        });
        long now = System.currentTimeMillis();
        long oldest;
        synchronized (sampleTimes) {
            sampleTimes.addLast(now);
            while (sampleTimes.size() > SAMPLES_KEPT) {
                sampleTimes.removeFirst();
            }
            oldest = sampleTimes.getFirst();
        }
        // Both keep listed products only: a retired product's history goes with it.
        samples.keySet().retainAll(names.keySet());
        newestTimestamps.keySet().retainAll(names.keySet());
        names.forEach((product, n) -> {
            Map<String, Long> byCode = counter.countsByCode(n.dlqTopic());
            // Most products have no dead letters: one shared empty map.
            Sample sample = new Sample(now, counter.records(n.stagingTopic()), counter.records(n.topic()), counter.records(n.dlqTopic()),
                    byCode.isEmpty() ? Map.of() : byCode);
            samples.computeIfAbsent(product, k -> new SampleHistory()).record(sample, oldest);
            Long ts = newestByTopic.get(n.topic());
            if (ts != null) {
                newestTimestamps.put(product, ts);
            }
        });
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        counter.close();
        admin.close(Duration.ofSeconds(5));
    }
}
