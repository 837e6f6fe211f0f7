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

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, Long> records = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Long>> counts = new ConcurrentHashMap<>();
    private final Map<String, Deque<Map<String, String>>> reasons = new ConcurrentHashMap<>();
    private final Set<String> wanted = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean running = true;

    private TopicCounter(Map<String, Object> clientConfig) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "meshbone-catalog-counter-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "meshbone-catalog-counter");
        this.thread.setDaemon(true);
    }

    static TopicCounter start(Map<String, Object> clientConfig) {
        TopicCounter reader = new TopicCounter(clientConfig);
        reader.thread.start();
        return reader;
    }

    /** Adds topics to follow: DLQ topics ({@code .dlq}) from their beginning, others from their end. */
    void follow(Collection<String> topics) {
        wanted.addAll(topics);
    }

    /** Committed records of {@code topic} counted so far. */
    long records(String topic) {
        return records.getOrDefault(topic, 0L);
    }

    Map<String, Long> countsByCode(String dlqTopic) {
        return new TreeMap<>(counts.getOrDefault(dlqTopic, Map.of()));
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

    private void run() {
        try {
            Set<String> assignedTopics = new java.util.HashSet<>();
            while (running) {
                if (!assignedTopics.containsAll(wanted)) {
                    reassign(assignedTopics);
                }
                if (consumer.assignment().isEmpty()) {
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                    continue;
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    count(record);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            log.error("Topic counter stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void reassign(Set<String> assignedTopics) {
        List<TopicPartition> fresh = new ArrayList<>();
        for (String topic : wanted) {
            if (assignedTopics.contains(topic)) {
                continue;
            }
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(2));
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
        String code = header(record, LineageHeaders.ERROR_CODE, "UNKNOWN");
        counts.computeIfAbsent(record.topic(), k -> new ConcurrentHashMap<>()).merge(code, 1L, Long::sum);
        Deque<Map<String, String>> deque = reasons.computeIfAbsent(record.topic(), k -> new ArrayDeque<>());
        synchronized (deque) {
            deque.addFirst(Map.of("code", code, "reason", header(record, LineageHeaders.ERROR_REASON, ""),
                    "at", java.time.Instant.ofEpochMilli(record.timestamp()).toString()));
            while (deque.size() > REASONS_KEPT) {
                deque.removeLast();
            }
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name, String fallback) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? fallback : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
