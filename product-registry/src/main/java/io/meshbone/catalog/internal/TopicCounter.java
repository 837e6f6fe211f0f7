package io.meshbone.catalog.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.meshbone.platform.contract.ProductNames;
import io.meshbone.platform.lineage.LineageHeaders;
import io.meshbone.platform.health.PartReporter;
import io.meshbone.platform.health.SupervisedLoop;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts committed records per topic as they arrive, and dead letters by error code from DLQ headers.
 *
 * <p>A {@code read_committed} consumer, so transaction markers and aborted records are not counted (end offsets
 * would count them). Product and staging topics are followed from their end, DLQ topics from their beginning.
 * Payloads are never decoded or logged.
 */
final class TopicCounter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TopicCounter.class);
    private static final int REASONS_KEPT = 10;
    /** A DLQ reason header is shown, not stored whole: a producer may have put a megabyte there. */
    static final int REASON_CHARS = 500;
    /** The name this reader reports its health under. */
    static final String PART = "catalog-reader:topic-counter";

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, Long> records = new ConcurrentHashMap<>();
    private final Map<String, BoundedCounts> counts = new ConcurrentHashMap<>();
    private final Map<String, Deque<Map<String, String>>> reasons = new ConcurrentHashMap<>();
    private final Set<String> wanted = ConcurrentHashMap.newKeySet();
    private final Set<String> assignedTopics = ConcurrentHashMap.newKeySet();
    private final PartReporter health;
    private volatile SupervisedLoop loop;
    /** A topic not created yet is looked for again at most this often: each look lists every topic. */
    private static final long LIST_EVERY_NANOS = 2_000_000_000L;
    private long listedAt = System.nanoTime() - LIST_EVERY_NANOS;

    private TopicCounter(Map<String, Object> clientConfig, PartReporter health) {
        this.health = health;
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "meshbone-catalog-counter-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    static TopicCounter start(Map<String, Object> clientConfig, PartReporter health) {
        TopicCounter reader = new TopicCounter(clientConfig, health);
        reader.loop = SupervisedLoop.start("meshbone-catalog-counter", health, reader::run);
        reader.loop.onClose(reader.consumer::wakeup);
        return reader;
    }

    /** Adds topics to follow: DLQ topics ({@code .dlq}) from their beginning, others from their end. */
    void follow(Collection<String> topics) {
        wanted.addAll(topics);
    }

    /** Whether {@code topic} is assigned: every committed record written to it from now on is counted. */
    boolean follows(String topic) {
        return assignedTopics.contains(topic);
    }

    /** Committed records of {@code topic} counted so far. */
    long records(String topic) {
        return records.getOrDefault(topic, 0L);
    }

    Map<String, Long> countsByCode(String dlqTopic) {
        BoundedCounts byCode = counts.get(dlqTopic);
        return byCode == null ? new TreeMap<>() : byCode.snapshot();
    }

    List<Map<String, String>> recentReasons(String dlqTopic) {
        Deque<Map<String, String>> deque = reasons.get(dlqTopic);
        if (deque == null) {
            return List.of();
        }
        synchronized (deque) {
            return new ArrayList<>(deque);
        }
    }

    /** One attempt; after a failure the next goes on from the consumer's assignment and positions. */
    private void run(SupervisedLoop supervisor) throws InterruptedException {
        try {
            while (supervisor.running()) {
                if (!assignedTopics.containsAll(wanted) && System.nanoTime() - listedAt >= LIST_EVERY_NANOS) {
                    listedAt = System.nanoTime();
                    reassign(assignedTopics);
                }
                if (consumer.assignment().isEmpty()) {
                    health.running(0);
                    Thread.sleep(500);
                    continue;
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    count(record);
                }
                health.running(lag());
            }
        } catch (WakeupException e) {
            if (supervisor.running()) {
                throw e;
            }
        }
    }

    private long lag() {
        long lag = 0;
        for (TopicPartition partition : consumer.assignment()) {
            lag += consumer.currentLag(partition).orElse(0);
        }
        return lag;
    }

    private void reassign(Set<String> assignedTopics) {
        // One metadata request for every topic, not one per topic: with thousands of products the
        // per-topic lookups (each waiting up to its timeout for a topic not created yet) took minutes.
        Map<String, List<PartitionInfo>> existing = consumer.listTopics(Duration.ofSeconds(10));
        List<TopicPartition> fresh = new ArrayList<>();
        for (String topic : wanted) {
            if (assignedTopics.contains(topic)) {
                continue;
            }
            List<PartitionInfo> infos = existing.get(topic);
            if (infos != null && !infos.isEmpty()) {
                infos.forEach(i -> fresh.add(new TopicPartition(i.topic(), i.partition())));
                assignedTopics.add(topic);
            }
        }
        if (!fresh.isEmpty()) {
            List<TopicPartition> all = new ArrayList<>(consumer.assignment());
            all.addAll(fresh);
            consumer.assign(all);
            consumer.seekToBeginning(fresh.stream().filter(tp -> ProductNames.isDlqTopic(tp.topic())).toList());
            consumer.seekToEnd(fresh.stream().filter(tp -> !ProductNames.isDlqTopic(tp.topic())).toList());
            fresh.forEach(consumer::position);
        }
    }

    private void count(ConsumerRecord<byte[], byte[]> record) {
        records.merge(record.topic(), 1L, Long::sum);
        if (!ProductNames.isDlqTopic(record.topic())) {
            return;
        }
        String code = counts.computeIfAbsent(record.topic(), k -> new BoundedCounts())
                .increment(header(record, LineageHeaders.ERROR_CODE, "UNKNOWN"));
        Deque<Map<String, String>> deque = reasons.computeIfAbsent(record.topic(), k -> new ArrayDeque<>());
        synchronized (deque) {
            deque.addFirst(Map.of("code", code, "reason", truncated(header(record, LineageHeaders.ERROR_REASON, "")),
                    "at", java.time.Instant.ofEpochMilli(record.timestamp()).toString()));
            while (deque.size() > REASONS_KEPT) {
                deque.removeLast();
            }
        }
    }

    private static String truncated(String reason) {
        return reason.length() <= REASON_CHARS ? reason : reason.substring(0, REASON_CHARS) + "…";
    }

    private static String header(ConsumerRecord<?, ?> record, String name, String fallback) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? fallback : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        SupervisedLoop current = loop;
        if (current != null) {
            current.close();
        }
        consumer.close(Duration.ofSeconds(5));
    }
}
