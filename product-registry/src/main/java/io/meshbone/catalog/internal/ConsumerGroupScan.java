package io.meshbone.catalog.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsResult;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * One look at the cluster's consumer groups through {@code Admin}: which groups read which of the given topics (by
 * committed offsets or by their members' assignments), in what state, with how many members, and how far their
 * committed offsets are behind the topics' read_committed end.
 */
final class ConsumerGroupScan {

    /** Meshbone's own groups (the gates' Streams apps, {@code tail}, Connect) all take ids with this prefix. */
    static final String MESH_GROUP_PREFIX = "meshbone-";

    /**
     * A group reading one topic.
     *
     * @param lag committed-offset lag summed over the topic's partitions the group committed on; null when it has
     *            committed nothing on the topic yet
     */
    record Reader(String groupId, String state, int members, Long lag, boolean mesh) {
    }

    private final Admin admin;
    private final int maxGroups;

    ConsumerGroupScan(Admin admin, int maxGroups) {
        this.admin = admin;
        this.maxGroups = maxGroups;
    }

    /** The readers of each of {@code topics}; groups are examined in id order, at most {@code maxGroups} of them. */
    Map<String, List<Reader>> scan(Set<String> topics) throws ExecutionException, InterruptedException {
        List<String> ids = admin.listGroups().all().get().stream().filter(ConsumerGroupScan::consumerGroup)
                .map(GroupListing::groupId).sorted().limit(maxGroups).toList();
        if (ids.isEmpty() || topics.isEmpty()) {
            return Map.of();
        }
        Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
        ids.forEach(id -> specs.put(id, new ListConsumerGroupOffsetsSpec()));
        ListConsumerGroupOffsetsResult offsetsResult = admin.listConsumerGroupOffsets(specs);
        Map<String, KafkaFuture<ConsumerGroupDescription>> described = admin.describeConsumerGroups(ids).describedGroups();
        Map<String, Map<TopicPartition, Long>> committed = new HashMap<>();
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        for (String id : ids) {
            Map<TopicPartition, Long> mine = new HashMap<>();
            for (Map.Entry<TopicPartition, OffsetAndMetadata> e : orEmpty(offsetsResult.partitionsToOffsetAndMetadata(id)).entrySet()) {
                if (e.getValue() != null && topics.contains(e.getKey().topic())) {
                    mine.put(e.getKey(), e.getValue().offset());
                    ends.put(e.getKey(), OffsetSpec.latest());
                }
            }
            committed.put(id, mine);
        }
        Map<TopicPartition, Long> endOffsets = endOffsets(ends);
        Map<String, List<Reader>> byTopic = new TreeMap<>();
        for (String id : ids) {
            ConsumerGroupDescription description = orNull(described.get(id));
            Map<String, Long> lagByTopic = new TreeMap<>();
            committed.get(id).forEach((partition, offset) -> {
                Long end = endOffsets.get(partition);
                long behind = end == null ? 0 : Math.max(0, end - offset);
                lagByTopic.merge(partition.topic(), behind, Long::sum);
            });
            for (String topic : assignedTopics(description)) {
                if (topics.contains(topic)) {
                    lagByTopic.putIfAbsent(topic, null);
                }
            }
            String state = description == null ? "UNKNOWN" : description.groupState().name();
            int members = description == null ? 0 : description.members().size();
            lagByTopic.forEach((topic, lag) -> byTopic.computeIfAbsent(topic, t -> new ArrayList<>())
                    .add(new Reader(id, state, members, lag, id.startsWith(MESH_GROUP_PREFIX))));
        }
        return byTopic;
    }

    // Classic groups speaking the consumer protocol (or none: a group that only commits offsets) and new consumer
    // groups; Connect's worker groups, share and streams groups keep no consumer offsets to read here.
    private static boolean consumerGroup(GroupListing group) {
        GroupType type = group.type().orElse(GroupType.CLASSIC);
        return type == GroupType.CONSUMER
                || type == GroupType.CLASSIC && (group.protocol().isEmpty() || "consumer".equals(group.protocol()));
    }

    private Map<TopicPartition, Long> endOffsets(Map<TopicPartition, OffsetSpec> partitions) throws InterruptedException {
        Map<TopicPartition, Long> ends = new HashMap<>();
        if (partitions.isEmpty()) {
            return ends;
        }
        ListOffsetsResult result = admin.listOffsets(partitions, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED));
        for (TopicPartition partition : partitions.keySet()) {
            ListOffsetsResult.ListOffsetsResultInfo info = orNull(result.partitionResult(partition));
            if (info != null && info.offset() >= 0) {
                ends.put(partition, info.offset());
            }
        }
        return ends;
    }

    private static Collection<String> assignedTopics(ConsumerGroupDescription description) {
        if (description == null) {
            return List.of();
        }
        return description.members().stream().map(MemberDescription::assignment)
                .flatMap(a -> a.topicPartitions().stream()).map(TopicPartition::topic).distinct().toList();
    }

    // One group deleted or one partition moving between the listing and the look is not a failed scan: it is skipped.
    private static <T> T orNull(KafkaFuture<T> future) throws InterruptedException {
        if (future == null) {
            return null;
        }
        try {
            return future.get();
        } catch (ExecutionException e) {
            return null;
        }
    }

    private static <K, V> Map<K, V> orEmpty(KafkaFuture<Map<K, V>> future) throws InterruptedException {
        Map<K, V> value = orNull(future);
        return value == null ? Map.of() : value;
    }
}
