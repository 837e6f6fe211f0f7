package io.meshbone.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import io.meshbone.governance.internal.ContractBatching;
import io.meshbone.governance.internal.RegistryContracts;
import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.localkafka.testing.TestTopics;
import io.meshbone.platform.control.ContractClient;
import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.platform.control.MeshTopics;
import io.meshbone.platform.control.MeshTopicPlans;
import io.meshbone.platform.control.ProductRequest;
import io.meshbone.platform.health.HealthRegistry;
import io.meshbone.platform.policy.ClusterFacts;
import io.meshbone.platform.provisioning.TopicReconciler;
import io.meshbone.platform.registry.SchemaRegistryClient;
import io.meshbone.platform.registry.SchemaRegistryClientSettings;
import io.meshbone.registry.SchemaRegistryServer;
import io.meshbone.registry.SchemaRegistrySettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract requests decided in batches on a real broker and registry: many requests applied at once, some depending on
 * others of the same batch, are decided exactly as one at a time, answered in request order; requests pending when a
 * gate stops are decided by the next one.
 */
@ExtendWith(SharedKafka.class)
class ContractBatchIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String ALICE = "User:alice";
    private static final String BOB = "User:bob";
    private static final String ID = "{\"name\": \"id\", \"type\": \"string\", \"doc\": \"Id.\"}";
    private static final String V1 = value(ID);
    /** An optional field with a default: readers of it still read what V1 wrote. */
    private static final String V1_COMPATIBLE = value(ID + ", {\"name\": \"note\", \"type\": [\"null\", \"string\"], "
            + "\"default\": null, \"doc\": \"Note.\"}");
    /** A required field without a default: its readers cannot read what V1 wrote. */
    private static final String V1_INCOMPATIBLE = value(ID + ", {\"name\": \"required\", \"type\": \"string\", "
            + "\"doc\": \"Required.\"}");

    private static KafkaCluster kafka;
    private static SchemaRegistryServer registry;

    @BeforeAll
    static void startRegistry(KafkaCluster cluster) {
        kafka = cluster;
        registry = SchemaRegistryServer.start(SchemaRegistrySettings.defaults(kafka.bootstrapServers()).withPort(0));
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void aBatchWithRequestsOnEarlierOnesIsDecidedAsOneAtATimeAndAnsweredInOrder(@TempDir Path stateDir) throws Exception {
        String batched = TestTopics.letters(6);
        String alone = TestTopics.letters(6);
        try (Governance gate = startGate(stateDir); ContractClient contracts = new ContractClient(kafka.clientConfig())) {
            List<ProductRequest> batch = requests(batched);
            List<Decision> answered = new ArrayList<>();
            assertThat(contracts.applyAll(batch, TIMEOUT, answered::add)).isEmpty();
            List<Decision> oneAtATime = new ArrayList<>();
            for (ProductRequest request : requests(alone)) {
                oneAtATime.add(contracts.apply(request, TIMEOUT));
            }

            assertThat(answered).extracting(Decision::requestId).as("answered in request order")
                    .containsExactlyElementsOf(batch.stream().map(ProductRequest::requestId).toList());
            assertThat(answered.stream().map(d -> comparable(d, batched)).toList())
                    .containsExactlyElementsOf(oneAtATime.stream().map(d -> comparable(d, alone)).toList());
            assertThat(answered).extracting(Decision::outcome).as("the dependent requests' own outcomes").startsWith(
                    Decision.Outcome.ACCEPTED, Decision.Outcome.ACCEPTED, Decision.Outcome.ACCEPTED, Decision.Outcome.REJECTED,
                    Decision.Outcome.ACCEPTED, Decision.Outcome.REJECTED, Decision.Outcome.ACCEPTED);
            assertThat(answered.get(3).reasons()).as("judged against 1.1.0 (version 2), applied in the same batch")
                    .anyMatch(r -> r.contains("not BACKWARD compatible")).anyMatch(r -> r.contains("oldSchemaVersion: 2"));
            assertThat(answered.get(5).reasons()).singleElement().asString()
                    .contains("principal " + BOB + " may not act for domain 'own" + batched + "'; it is owned by " + ALICE);
            assertThat(answered.subList(7, answered.size())).hasSize(30).allMatch(Decision::accepted);
        }
    }

    @Test
    void requestsPendingWhenTheGateStopsAreDecidedByTheNextOne(@TempDir Path stateDir) throws Exception {
        String domain = "pend" + TestTopics.letters(6);
        List<ProductRequest> requests = List.of(apply(ALICE, domain, "first", "1.0.0", V1, ""),
                apply(ALICE, domain, "second", "1.0.0", V1, domain + ".first"), apply(BOB, domain, "third", "1.0.0", V1, ""));
        // A gate that keeps what it reads pending: it decides only after an hour or a thousand requests.
        ContractBatching never = new ContractBatching(Duration.ofHours(1), 1_000, 1);
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            new TopicReconciler(admin).reconcile(MeshTopicPlans.internal(1));
        }
        long decisionsBefore = endOffset(MeshTopics.DECISIONS);
        try (RegistryContracts contracts = new RegistryContracts(new SchemaRegistryClient(
                SchemaRegistryClientSettings.of(registry.url().toString(), kafka.clientConfig())));
             KafkaStreams reading = new KafkaStreams(ContractGate.topology(contracts, new ClusterFacts(1), Optional.empty(),
                     Map::of, never), ContractGate.streamsConfig(kafka.bootstrapServers(), stateDir.resolve("reading").toString()))) {
            reading.start();
            await().atMost(TIMEOUT).until(() -> reading.state() == KafkaStreams.State.RUNNING);
            write(requests);
            long written = endOffset(MeshTopics.PRODUCT_REQUESTS);
            await().atMost(TIMEOUT).until(() -> committed(MeshTopics.PRODUCT_REQUESTS) >= written);
            assertThat(endOffset(MeshTopics.DECISIONS)).as("nothing decided yet").isEqualTo(decisionsBefore);
            reading.close(Duration.ofSeconds(30));
        }

        List<Decision> decided = new ArrayList<>();
        try (Governance next = startGate(stateDir.resolve("next"));
             KafkaConsumer<String, String> decisions = new KafkaConsumer<>(readCommitted(), new StringDeserializer(),
                     new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(MeshTopics.DECISIONS, 0);
            decisions.assign(List.of(partition));
            decisions.seek(partition, decisionsBefore);
            await().atMost(TIMEOUT).until(() -> {
                for (ConsumerRecord<String, String> record : decisions.poll(Duration.ofMillis(200))) {
                    decided.add(MeshJson.read(record.value(), Decision.class));
                }
                return decided.size() >= requests.size();
            });
        }
        assertThat(decided).extracting(Decision::requestId)
                .containsExactlyElementsOf(requests.stream().map(ProductRequest::requestId).toList());
        assertThat(decided).extracting(Decision::outcome).containsExactly(Decision.Outcome.ACCEPTED, Decision.Outcome.ACCEPTED,
                Decision.Outcome.REJECTED);
    }

    private static Governance startGate(Path stateDir) {
        Governance gate = Governance.start(new GovernanceSettings(kafka.clientConfig(), registry.url().toString(),
                stateDir.resolve("state"), new SimpleMeterRegistry(), Duration.ofSeconds(30)), new HealthRegistry(),
                Set.of(ContractGate.PART));
        await().atMost(TIMEOUT).until(gate::running);
        return gate;
    }

    /**
     * Requests in which some depend on earlier ones: a product, a compatible and an incompatible next version, a product
     * reading it, two products of a new domain from different principals, a retirement, then 30 independent products.
     */
    private static List<ProductRequest> requests(String suffix) {
        String bat = "bat" + suffix;
        String own = "own" + suffix;
        String ind = "ind" + suffix;
        List<ProductRequest> requests = new ArrayList<>(List.of(
                apply(ALICE, bat, "source", "1.0.0", V1, ""),
                apply(ALICE, bat, "source", "1.1.0", V1_COMPATIBLE, ""),
                apply(ALICE, bat, "derived", "1.0.0", V1, bat + ".source"),
                apply(ALICE, bat, "source", "1.2.0", V1_INCOMPATIBLE, ""),
                apply(ALICE, own, "first", "1.0.0", V1, ""),
                apply(BOB, own, "second", "1.0.0", V1, ""),
                ProductRequest.retire(ALICE, bat + ".derived")));
        for (int i = 0; i < 30; i++) {
            requests.add(apply(ALICE, ind, "product-" + i, "1.0.0", V1, ""));
        }
        return requests;
    }

    private static ProductRequest apply(String principal, String domain, String name, String version, String avsc,
                                        String inputs) {
        String descriptor = """
                apiVersion: meshbone/v1
                kind: DataProduct
                metadata:
                  name: %s
                  domain: %s
                  owner: team@example.com
                  description: A product of the batch test.
                spec:
                  version: %s
                  type: event
                  key: {field: id}
                  value: {schema: value.avsc}
                  compatibility: BACKWARD
                  classification: internal
                  partitions: 1
                  inputs: [%s]
                """.formatted(name, domain, version, inputs);
        return ProductRequest.apply(principal, domain + "/" + name + ".product.yaml", descriptor, Map.of("value.avsc", avsc));
    }

    private static String value(String fields) {
        return "{\"type\": \"record\", \"name\": \"Value\", \"namespace\": \"test.batch\", \"fields\": [" + fields + "]}";
    }

    // What must not differ between deciding in a batch and one at a time: all but ids, times and the domains' suffix.
    private static String comparable(Decision decision, String suffix) {
        return String.join(" | ", decision.outcome().name(), String.valueOf(decision.product()), String.valueOf(decision.version()),
                String.valueOf(decision.changed()), String.valueOf(decision.reasons()), String.valueOf(decision.warnings()),
                String.valueOf(decision.principal())).replace(suffix, "*");
    }

    private static Map<String, Object> readCommitted() {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return config;
    }

    private static void write(List<ProductRequest> requests) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(kafka.clientConfig(), new StringSerializer(),
                new StringSerializer())) {
            for (ProductRequest request : requests) {
                producer.send(new ProducerRecord<>(MeshTopics.PRODUCT_REQUESTS, request.descriptorPath(), MeshJson.write(request)));
            }
            producer.flush();
        }
    }

    private static long endOffset(String topic) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition).get().offset();
        }
    }

    private static long committed(String topic) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            OffsetAndMetadata offset = admin.listConsumerGroupOffsets(ContractGate.APPLICATION_ID).partitionsToOffsetAndMetadata()
                    .get().get(new TopicPartition(topic, 0));
            return offset == null ? -1 : offset.offset();
        }
    }
}
