package io.meshbone.platform.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.localkafka.testing.TestTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedKafka.class)
class TopicLeadersIT {

    @Test
    void returnsOnceEveryPartitionOfANewTopicHasALeader(KafkaCluster kafka) throws Exception {
        String topic = TestTopics.unique("leaders");
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            admin.createTopics(List.of(new NewTopic(topic, 12, (short) 1))).all().get();

            TopicLeaders.await(admin, List.of(topic), Duration.ofSeconds(30));

            Map<String, TopicDescription> described = admin.describeTopics(List.of(topic)).allTopicNames().get();
            assertThat(described.get(topic).partitions()).hasSize(12).allSatisfy(p -> assertThat(p.leader()).isNotNull());
        }
    }

    @Test
    void namesTheTopicsWhenTheyNeverGetLeaders(KafkaCluster kafka) {
        String missing = TestTopics.unique("never-created");
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            assertThatThrownBy(() -> TopicLeaders.await(admin, List.of(missing), Duration.ofMillis(300)))
                    .isInstanceOf(TimeoutException.class).hasMessageContaining(missing);
        }
    }
}
