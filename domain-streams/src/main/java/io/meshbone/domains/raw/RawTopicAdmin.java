package io.meshbone.domains.raw;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import io.meshbone.platform.provisioning.TopicLeaders;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the raw domain topics, which belong to no contract and so are not provisioned by the gate. */
public final class RawTopicAdmin {

    private static final Duration LEADERS_TIMEOUT = Duration.ofSeconds(30);

    private RawTopicAdmin() {
    }

    /**
     * Creates any missing raw topic ({@link RawTopics#PARTITIONS} partitions), waits until the brokers serve every
     * partition, and returns the cluster id.
     */
    public static String ensureRawTopics(Map<String, Object> clientConfig) {
        try (Admin admin = Admin.create(clientConfig)) {
            int brokers = admin.describeCluster().nodes().get().size();
            short replicas = (short) Math.min(3, brokers);
            List<NewTopic> topics = RawTopics.names().stream()
                    .map(name -> new NewTopic(name, Optional.of(RawTopics.PARTITIONS), Optional.of(replicas))).toList();
            for (var result : admin.createTopics(topics).values().values()) {
                try {
                    result.get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            // The demo's first burst would otherwise race the brokers applying the new topics and lose records.
            TopicLeaders.await(admin, RawTopics.names(), LEADERS_TIMEOUT);
            return admin.describeCluster().clusterId().get();
        } catch (TimeoutException e) {
            throw new IllegalStateException("the raw domain topics were created but have no leaders: " + e.getMessage(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create the raw domain topics: " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the raw domain topics", e);
        }
    }
}
