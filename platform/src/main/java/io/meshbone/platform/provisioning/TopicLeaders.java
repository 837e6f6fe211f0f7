package io.meshbone.platform.provisioning;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Waits until the brokers serve newly created topics, before anyone produces to them.
 *
 * <p>Creating a topic returns once the controller has it, not once the brokers applied it. An idempotent producer
 * that sends at once can then have its first request to a partition refused (not leader yet) while a later one is
 * appended; the first can never be appended after that (out of order sequence) and its records are lost when the
 * delivery timeout expires (KAFKA-15591, not fixed in Kafka 4.1). Waiting for every partition's leader closes that
 * window.
 */
public final class TopicLeaders {

    private static final long POLL_MILLIS = 50;

    private TopicLeaders() {
    }

    /** Returns once every partition of {@code topics} has a leader in the cluster's metadata, or fails after {@code timeout}. */
    public static void await(Admin admin, Collection<String> topics, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!allLed(admin, topics)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("partitions of " + topics + " have no leader after " + timeout);
            }
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
        }
    }

    private static boolean allLed(Admin admin, Collection<String> topics) throws InterruptedException {
        try {
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get();
            return described.values().stream()
                    .allMatch(topic -> topic.partitions().stream().allMatch(partition -> partition.leader() != null
                            && !partition.leader().isEmpty()));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw new IllegalStateException("cannot describe " + topics + ": " + e.getCause().getMessage(), e.getCause());
        }
    }
}
