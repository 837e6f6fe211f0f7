package io.meshbone.registry.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.meshbone.platform.provisioning.TopicLeaders;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the single-partition compacted schemas topic when it is missing, and checks it when it is not. */
final class StoreTopic {

    private static final Logger log = LoggerFactory.getLogger(StoreTopic.class);
    private static final long TIMEOUT_SECONDS = 30;

    private StoreTopic() {
    }

    static void ensure(Admin admin, String topic) {
        try {
            if (!exists(admin, topic)) {
                create(admin, topic);
            }
            // A topic just created is not yet served by the brokers; describing (or writing) it at once can fail.
            TopicLeaders.await(admin, List.of(topic), Duration.ofSeconds(TIMEOUT_SECONDS));
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic);
            if (description.partitions().size() != 1) {
                throw new IllegalStateException("Schemas topic '" + topic + "' must have exactly 1 partition, has "
                        + description.partitions().size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while preparing topic " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot prepare schemas topic '" + topic + "'", e);
        }
    }

    private static boolean exists(Admin admin, String topic) throws InterruptedException, TimeoutException, ExecutionException {
        try {
            admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw e;
        }
    }

    private static void create(Admin admin, String topic) throws InterruptedException, TimeoutException, ExecutionException {
        int brokers = admin.describeCluster().nodes().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).size();
        short replicas = (short) Math.max(1, Math.min(3, brokers));
        NewTopic newTopic = new NewTopic(topic, 1, replicas)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            admin.createTopics(List.of(newTopic)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            log.info("Created schemas topic {} (1 partition, replication factor {}, compacted)", topic, replicas);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
