package io.meshbone.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import io.meshbone.localkafka.testing.SharedSecureKafka;
import io.meshbone.localkafka.testing.TestTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSecureKafka.class)
class SecureLocalKafkaIT {

    @Test
    void adminWritesATopicItCreated(LocalKafka kafka) throws Exception {
        String topic = TestTopics.unique("secure-admin");
        createTopic(kafka.adminClientConfig(), topic, 1);
        try (KafkaProducer<String, String> producer = producer(kafka.adminClientConfig())) {
            assertThat(producer.send(new ProducerRecord<>(topic, "k", "v")).get().offset()).isZero();
        }
    }

    @Test
    void userWithoutAclsIsDeniedTheTopic(LocalKafka kafka) throws Exception {
        String topic = TestTopics.unique("secure-denied");
        createTopic(kafka.adminClientConfig(), topic, 1);
        String password = SharedSecureKafka.randomPassword();
        ScramUsers.upsert(kafka, "nobody", password);

        try (KafkaProducer<String, String> producer = producer(kafka.clientConfig("nobody", password))) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, "k", "forged")).get())
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void wrongPasswordFailsWithSaslAuthenticationException(LocalKafka kafka) {
        ScramUsers.upsert(kafka, "mistyped", SharedSecureKafka.randomPassword());
        try (Admin admin = Admin.create(kafka.clientConfig("mistyped", "not-the-password"))) {
            assertThatThrownBy(() -> admin.describeCluster().nodes().get())
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void unauthenticatedPlaintextClientCannotConnect(LocalKafka kafka) {
        Map<String, Object> plaintext = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        try (Admin admin = Admin.create(plaintext)) {
            assertThatThrownBy(() -> admin.listTopics().names().get())
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TimeoutException.class);
        }
    }

    @Test
    void secureClusterRefusesToAutoCreateTopics(LocalKafka kafka) {
        Map<String, Object> config = new HashMap<>(kafka.adminClientConfig());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000);
        try (KafkaProducer<String, String> producer = producer(config)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(TestTopics.unique("never-created"), "k", "v")).get())
                    .hasCauseInstanceOf(TimeoutException.class);
        }
    }

    @Test
    void threeSecureBrokersReplicateByAuthenticatingToEachOther() throws Exception {
        LocalKafkaSettings settings = LocalKafkaSettings.defaults().withBrokers(3)
                .withSecurity(SharedSecureKafka.randomPassword());
        try (LocalKafka cluster = LocalKafka.start(settings)) {
            createTopic(cluster.adminClientConfig(), "replicated", 3);
            try (Admin admin = Admin.create(cluster.adminClientConfig())) {
                TopicDescription description = admin.describeTopics(Set.of("replicated")).allTopicNames().get().get("replicated");
                assertThat(description.partitions()).allSatisfy(partition -> assertThat(partition.isr()).hasSize(3));
            }
            Map<String, Object> acksAll = new HashMap<>(cluster.adminClientConfig());
            acksAll.put(ProducerConfig.ACKS_CONFIG, "all");
            try (KafkaProducer<String, String> producer = producer(acksAll)) {
                assertThat(producer.send(new ProducerRecord<>("replicated", "k", "v")).get().hasOffset()).isTrue();
            }
        }
    }

    @Test
    void settingsNeverPrintTheAdminPassword() {
        String password = SharedSecureKafka.randomPassword();
        assertThat(LocalKafkaSettings.defaults().withSecurity(password).toString()).doesNotContain(password);
    }

    private static void createTopic(Map<String, Object> adminConfig, String topic, int replication) throws Exception {
        try (Admin admin = Admin.create(adminConfig)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) replication))).all().get();
        }
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> config) {
        Map<String, Object> producer = new HashMap<>(config);
        producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        producer.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(producer, new StringSerializer(), new StringSerializer());
    }

}
