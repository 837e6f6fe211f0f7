package io.meshbone.platform.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.localkafka.testing.TestTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedKafka.class)
class TopicReconcilerIT {

    @Test
    void createsMissingTopicsWithTheirConfigsAndChangesNothingOnTheSecondPass(KafkaCluster kafka) throws Exception {
        String entity = TestTopics.unique("entity");
        String event = TestTopics.unique("event");
        List<TopicPlan> plans = List.of(
                new TopicPlan(entity, 3, (short) 1, Map.of("cleanup.policy", "compact")),
                new TopicPlan(event, 2, (short) 1, Map.of("retention.ms", "604800000")));
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            TopicReconciler reconciler = new TopicReconciler(admin);

            ReconcileResult first = reconciler.reconcile(plans);
            assertThat(first.created()).containsExactlyInAnyOrder(entity, event);
            eventually(() -> assertThat(partitions(admin, entity)).isEqualTo(3));
            eventually(() -> assertThat(config(admin, entity, "cleanup.policy")).isEqualTo("compact"));
            eventually(() -> assertThat(config(admin, event, "retention.ms")).isEqualTo("604800000"));

            ReconcileResult second = reconciler.reconcile(plans);
            assertThat(second.unchanged()).isTrue();
            assertThat(second.drift()).isEmpty();
        }
    }

    @Test
    void growsPartitionsAndSetsChangedConfigs(KafkaCluster kafka) throws Exception {
        String topic = TestTopics.unique("grows");
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            TopicReconciler reconciler = new TopicReconciler(admin);
            reconciler.reconcile(List.of(new TopicPlan(topic, 1, (short) 1, Map.of("retention.ms", "1000"))));
            eventually(() -> assertThat(partitions(admin, topic)).isEqualTo(1));

            ReconcileResult result = reconciler.reconcile(List.of(new TopicPlan(topic, 4, (short) 1, Map.of("retention.ms", "2000"))));

            assertThat(result.grownPartitions()).containsExactly(topic);
            assertThat(result.alteredConfigs()).containsExactly(topic);
            eventually(() -> assertThat(partitions(admin, topic)).isEqualTo(4));
            eventually(() -> assertThat(config(admin, topic, "retention.ms")).isEqualTo("2000"));
        }
    }

    @Test
    void reportsShrinkAndReplicationChangeAsDriftWithoutTouchingTheTopic(KafkaCluster kafka) throws Exception {
        String topic = TestTopics.unique("drift");
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            TopicReconciler reconciler = new TopicReconciler(admin);
            reconciler.reconcile(List.of(new TopicPlan(topic, 4, (short) 1, Map.of())));
            eventually(() -> assertThat(partitions(admin, topic)).isEqualTo(4));

            ReconcileResult result = reconciler.reconcile(List.of(new TopicPlan(topic, 2, (short) 3, Map.of())));

            assertThat(result.drift()).extracting(Drift::field).containsExactlyInAnyOrder("partitions", "replication.factor");
            assertThat(result.drift()).filteredOn(d -> d.field().equals("partitions"))
                    .singleElement().satisfies(d -> {
                        assertThat(d.actual()).isEqualTo("4");
                        assertThat(d.wanted()).isEqualTo("2");
                        assertThat(d.describe()).contains(topic).contains("cannot shrink");
                    });
            eventually(() -> assertThat(partitions(admin, topic)).isEqualTo(4));
        }
    }

    // The broker's metadata catches up with the controller a moment after an admin call returns: assert until it has.
    private static void eventually(org.awaitility.core.ThrowingRunnable assertion) {
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(assertion);
    }

    private static int partitions(Admin admin, String topic) throws Exception {
        return admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic).partitions().size();
    }

    private static String config(Admin admin, String topic, String name) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(Set.of(resource)).all().get().get(resource);
        return config.get(name).value();
    }
}
