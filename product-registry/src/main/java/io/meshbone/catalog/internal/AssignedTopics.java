package io.meshbone.catalog.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.meshbone.platform.health.SupervisedLoop;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the catalog's readers of whole topics share: waiting for their topics, and their lag. */
final class AssignedTopics {

    private static final Logger log = LoggerFactory.getLogger(AssignedTopics.class);

    private AssignedTopics() {
    }

    /** Every partition of {@code topics} once all exist; null when the loop stopped first. */
    static List<TopicPartition> await(Consumer<?, ?> consumer, List<String> topics, SupervisedLoop supervisor, String what) {
        while (supervisor.running()) {
            List<TopicPartition> partitions = new ArrayList<>();
            boolean all = true;
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
                if (infos == null || infos.isEmpty()) {
                    all = false;
                    break;
                }
                infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
            if (all) {
                return partitions;
            }
            log.info("Waiting for the {} {}", what, topics);
        }
        return null;
    }

    /** Records still to read over the consumer's assignment. */
    static long lag(Consumer<?, ?> consumer) {
        long lag = 0;
        for (TopicPartition partition : consumer.assignment()) {
            lag += consumer.currentLag(partition).orElse(0);
        }
        return lag;
    }
}
