package io.meshbone.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import io.meshbone.localkafka.LocalKafka;
import io.meshbone.localkafka.testing.SharedSecureKafka;
import io.meshbone.platform.control.MeshTopicPlans;
import io.meshbone.platform.control.MeshTopics;
import io.meshbone.platform.provisioning.TopicReconciler;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The services' static ACLs on a secure broker: each service writes its own topics, nobody else does. */
@ExtendWith(SharedSecureKafka.class)
class ServiceAclsIT {

    @TempDir
    static Path dataDir;
    static CredentialStore store;

    @BeforeAll
    static void registerPrincipalsAndGrantServiceAcls(LocalKafka kafka) throws Exception {
        store = CredentialStore.in(dataDir);
        List<MeshCredentials> principals = store.ensureAll(List.of(MeshPrincipals.GATE, MeshPrincipals.REGISTRY,
                MeshPrincipals.team("orders"), MeshPrincipals.app("orders")));
        try (Admin admin = Admin.create(kafka.adminClientConfig())) {
            ScramRegistration.register(admin, principals);
            AclGrants.grant(admin, ServiceAcls.services());
            AclGrants.grant(admin, ServiceAcls.domainApps("orders", MeshPrincipals.EXAMPLE_DOMAINS));
            for (String topic : List.of(MeshTopics.PRODUCTS, MeshTopics.SCHEMAS)) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    @Test
    void theGateWritesTheListings(LocalKafka kafka) {
        try (KafkaProducer<String, String> gate = producer(kafka, MeshPrincipals.GATE)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(gate.send(new ProducerRecord<>(MeshTopics.PRODUCTS, "k", "listed")).get().hasOffset()).isTrue());
        }
    }

    @Test
    void aDomainTeamCannotWriteTheListings(LocalKafka kafka) {
        try (KafkaProducer<String, String> team = producer(kafka, MeshPrincipals.team("orders"))) {
            assertThatThrownBy(() -> team.send(new ProducerRecord<>(MeshTopics.PRODUCTS, "orders.x", "forged")).get())
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aDomainAppCannotWriteTheSchemasTopic(LocalKafka kafka) {
        try (KafkaProducer<String, String> app = producer(kafka, MeshPrincipals.app("orders"))) {
            assertThatThrownBy(() -> app.send(new ProducerRecord<>(MeshTopics.SCHEMAS, "k", "forged")).get())
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void theRegistryWritesTheSchemasTopicButNotTheListings(LocalKafka kafka) {
        try (KafkaProducer<String, String> registry = producer(kafka, MeshPrincipals.REGISTRY)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(registry.send(new ProducerRecord<>(MeshTopics.SCHEMAS, "k", "v")).get().hasOffset()).isTrue());
            assertThatThrownBy(() -> registry.send(new ProducerRecord<>(MeshTopics.PRODUCTS, "k", "forged")).get())
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void theGateCorrectsTheConfigsOfMeshTopicsThatAlreadyExist(LocalKafka kafka) throws Exception {
        // On a restart the mesh topics exist: at its start the gate compares their configs with MeshTopicPlans and
        // corrects them, here _mesh.lineage's cleanup policy, which the gate may not read or write records of.
        ConfigResource lineage = new ConfigResource(ConfigResource.Type.TOPIC, MeshTopics.LINEAGE);
        try (Admin admin = Admin.create(kafka.adminClientConfig())) {
            try {
                admin.createTopics(List.of(new NewTopic(MeshTopics.LINEAGE, 1, (short) 1))).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            admin.incrementalAlterConfigs(Map.of(lineage, List.of(new AlterConfigOp(
                    new ConfigEntry("cleanup.policy", "delete"), AlterConfigOp.OpType.SET)))).all().get();
        }
        Map<String, Object> config = new HashMap<>(store.ensure(MeshPrincipals.GATE).kafkaClientConfig());
        config.put("bootstrap.servers", kafka.bootstrapServers());
        try (Admin gate = Admin.create(config)) {
            assertThat(new TopicReconciler(gate).reconcile(MeshTopicPlans.internal(kafka.brokerCount())).alteredConfigs())
                    .contains(MeshTopics.LINEAGE);
            // Brokers apply a config change moments after the controller takes it.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    gate.describeConfigs(List.of(lineage)).all().get().get(lineage).get("cleanup.policy").value())
                    .isEqualTo("compact"));
        }
    }

    private static KafkaProducer<String, String> producer(LocalKafka kafka, String principal) {
        Map<String, Object> config = new HashMap<>(store.ensure(principal).kafkaClientConfig());
        config.put("bootstrap.servers", kafka.bootstrapServers());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }
}
