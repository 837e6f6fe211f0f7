package io.meshbone.domains.raw;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the raw domain topics, which belong to no contract and so are not provisioned by the gate. */
public final class RawTopicAdmin {

    private RawTopicAdmin() {
    }

    /** Creates any missing raw topic ({@link RawTopics#PARTITIONS} partitions) and returns the cluster id. */
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
            return admin.describeCluster().clusterId().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create the raw domain topics: " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the raw domain topics", e);
        }
    }
}
