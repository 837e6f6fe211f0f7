package io.meshbone.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import io.meshbone.localkafka.LocalKafka;
import io.meshbone.localkafka.ScramUsers;
import io.meshbone.localkafka.testing.SharedSecureKafka;
import io.meshbone.localkafka.testing.TestTopics;
import io.meshbone.platform.control.AccessGrant;
import io.meshbone.platform.control.ListedProduct;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.platform.control.MeshTopicPlans;
import io.meshbone.platform.control.MeshTopics;
import io.meshbone.platform.health.HealthRegistry;
import io.meshbone.platform.health.PartHealth;
import io.meshbone.platform.provisioning.TopicReconciler;
import io.meshbone.platform.security.AclGrants;
import io.meshbone.platform.security.ServiceAcls;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The provisioner's ACLs on a secure broker, the provisioner logged in as {@code User:provisioner} (SASL/SCRAM, StandardAuthorizer, no ACL means no access), each denial
 * seen by a real client logged in as the principal it is about.
 */
@ExtendWith(SharedSecureKafka.class)
class ProvisionerAclIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Map<String, String> PASSWORDS = new HashMap<>();
    private static LocalKafka kafka;
    private static Provisioner provisioner;
    private static final HealthRegistry HEALTH = new HealthRegistry();

    @BeforeAll
    static void startProvisioner() {
        kafka = SharedSecureKafka.acquire();
        try (Admin admin = Admin.create(kafka.adminClientConfig())) {
            new TopicReconciler(admin).reconcile(MeshTopicPlans.internal(1));
            // Only the services' fixed ACLs are made by hand, as up --secure does; the provisioner makes the rest.
            AclGrants.grant(admin, ServiceAcls.services());
        }
        provisioner = new Provisioner(kafka.clientConfig("provisioner", password("provisioner")), Duration.ofSeconds(30),
                HEALTH.part(Provisioner.PART)).start();
    }

    @AfterAll
    static void stopProvisioner() {
        provisioner.close();
        SharedSecureKafka.release();
    }

    @Test
    void aDomainCannotWriteAnotherDomainsStagingTopic() throws Exception {
        String a = TestTopics.unique("alpha");
        String b = TestTopics.unique("beta");
        list(a + ".thing", List.of(), false);
        list(b + ".thing", List.of(), false);

        try (KafkaProducer<String, String> teamA = producer("team-" + a)) {
            await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> teamA.send(new ProducerRecord<>(a + ".thing.v1.staging", "k", "v")).get());
            assertDenied(() -> teamA.send(new ProducerRecord<>(b + ".thing.v1.staging", "k", "forged")).get());
        }
        assertThat(HEALTH.parts()).singleElement().extracting(PartHealth::state).isEqualTo(PartHealth.State.RUNNING);
    }

    @Test
    void onlyTheGateWritesProductDlqAndGateOwnedMeshTopics() throws Exception {
        String a = TestTopics.unique("gamma");
        list(a + ".thing", List.of(), false);
        try (KafkaProducer<String, String> gate = producer("gate");
             KafkaProducer<String, String> team = producer("team-" + a);
             KafkaProducer<String, String> catalog = producer("catalog")) {
            await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> gate.send(new ProducerRecord<>(a + ".thing.v1", "k", "v")).get());
            gate.send(new ProducerRecord<>(a + ".thing.v1.dlq", "k", "v")).get();
            await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> team.send(new ProducerRecord<>(a + ".thing.v1.staging", "k", "v")).get());

            assertDenied(() -> team.send(new ProducerRecord<>(a + ".thing.v1", "k", "forged")).get());
            assertDenied(() -> team.send(new ProducerRecord<>(a + ".thing.v1.dlq", "k", "forged")).get());
            assertDenied(() -> team.send(new ProducerRecord<>(MeshTopics.PRODUCTS, a + ".thing", "forged")).get());
            assertDenied(() -> team.send(new ProducerRecord<>(MeshTopics.PRODUCT_REQUESTS, a + ".thing", "forged")).get());
            // The catalog writes requests on a user's behalf, never a listing, a decision or a grant.
            catalog.send(new ProducerRecord<>(MeshTopics.PRODUCT_REQUESTS, a + ".thing", "{}")).get();
            assertDenied(() -> catalog.send(new ProducerRecord<>(MeshTopics.PRODUCTS, a + ".thing", "forged")).get());
            assertDenied(() -> catalog.send(new ProducerRecord<>(MeshTopics.ACCESS_GRANTS, a + ".thing|User:x", "forged")).get());
            assertDenied(() -> catalog.send(new ProducerRecord<>(a + ".thing.v1", "k", "forged")).get());
        }
    }

    @Test
    void aConsumerNotInConsumersIsDeniedUntilAnAccessGrantAppearsAndAgainAfterItIsRevoked() throws Exception {
        String owner = TestTopics.unique("delta");
        String listedReader = TestTopics.unique("reader");
        String stranger = TestTopics.unique("stranger");
        String topic = owner + ".thing.v1";
        list(owner + ".thing", List.of(listedReader), false);
        try (KafkaProducer<String, String> gate = producer("gate")) {
            await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> gate.send(new ProducerRecord<>(topic, "k", "v")).get());
        }
        await().atMost(WAIT).until(() -> reads("team-" + listedReader, topic));
        assertThat(read("team-" + listedReader, topic)).isOne();
        assertDenied(() -> read("team-" + stranger, topic));
        assertDenied(() -> read("app-" + stranger, topic));

        AccessGrant grant = new AccessGrant(owner + ".thing", "User:team-" + stranger, false, "req-" + UUID.randomUUID(),
                "reconciling orders", "User:team-" + owner, Instant.now());
        send(MeshTopics.ACCESS_GRANTS, grant.key(), MeshJson.write(grant));
        await().atMost(WAIT).until(() -> reads("team-" + stranger, topic));
        assertDenied(() -> read("app-" + stranger, topic));

        send(MeshTopics.ACCESS_GRANTS, grant.key(), null);
        await().atMost(WAIT).until(() -> denied("team-" + stranger, topic));
    }

    @Test
    void aRetiredProductLosesItsAclsAndARemovedConsumerItsRead() throws Exception {
        String owner = TestTopics.unique("epsilon");
        String reader = TestTopics.unique("reader");
        String name = owner + ".thing";
        String topic = name + ".v1";
        AclBinding operators = new AclBinding(new ResourcePattern(ResourceType.TOPIC, TestTopics.unique("ops-topic"), PatternType.LITERAL),
                new AccessControlEntry("User:ops", "*", AclOperation.READ, AclPermissionType.ALLOW));
        try (Admin admin = Admin.create(kafka.adminClientConfig())) {
            admin.createAcls(List.of(operators)).all().get();
        }
        list(name, List.of(reader), false);
        await().atMost(WAIT).until(() -> reads("team-" + reader, topic));

        list(name, List.of(), false);
        await().atMost(WAIT).until(() -> denied("team-" + reader, topic));

        list(name, List.of(), true);
        try (Admin admin = Admin.create(kafka.adminClientConfig());
             KafkaProducer<String, String> team = producer("team-" + owner)) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(bindingsOn(admin, name)).isEmpty());
            assertDenied(() -> team.send(new ProducerRecord<>(topic + ".staging", "k", "late")).get());
            assertThat(admin.describeAcls(operators.toFilter()).values().get()).containsExactly(operators);
        }
    }

    @Test
    void aNewMajorLeavesTheOldGenerationReadableByItsReadersButWritableByNoOne() throws Exception {
        String owner = TestTopics.unique("eta");
        String reader = TestTopics.unique("reader");
        String name = owner + ".thing";
        String v1 = name + ".v1";
        list(name, List.of(reader), false, 1);
        try (KafkaProducer<String, String> gate = producer("gate")) {
            await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> gate.send(new ProducerRecord<>(v1, "k", "v")).get());
        }
        await().atMost(WAIT).until(() -> reads("team-" + reader, v1));

        list(name, List.of(reader), false, 2);
        AclBinding ownersStagingWrite = new AclBinding(new ResourcePattern(ResourceType.TOPIC, v1 + ".staging", PatternType.LITERAL),
                new AccessControlEntry("User:team-" + owner, "*", AclOperation.WRITE, AclPermissionType.ALLOW));
        try (Admin admin = Admin.create(kafka.adminClientConfig());
             KafkaProducer<String, String> team = producer("team-" + owner);
             KafkaProducer<String, String> gate = producer("gate")) {
            await().atMost(WAIT).ignoreExceptions().until(() -> reads("team-" + reader, name + ".v2"));
            await().atMost(WAIT).untilAsserted(() -> assertThat(bindingsOn(admin, v1 + ".staging")).doesNotContain(ownersStagingWrite));
            await().atMost(WAIT).untilAsserted(() -> assertDenied(() -> team.send(new ProducerRecord<>(v1 + ".staging", "k", "late")).get()));
            await().atMost(WAIT).untilAsserted(() -> assertDenied(() -> gate.send(new ProducerRecord<>(v1, "k", "late")).get()));
        }
        // The pass that revoked the writes kept the reads: the declared consumer, the owner and the catalog still read v1,
        // and the gate still drains what was left on the old staging topic.
        assertThat(read("team-" + reader, v1)).isOne();
        assertThat(read("app-" + reader, v1)).isOne();
        assertThat(read("team-" + owner, v1)).isOne();
        assertThat(read("catalog", v1)).isOne();
        assertThat(reads("gate", v1 + ".staging")).isTrue();
        assertDenied(() -> read("team-" + TestTopics.unique("stranger"), v1));
    }

    private static List<AclBinding> bindingsOn(Admin admin, String product) throws Exception {
        return admin.describeAcls(new AclBindingFilter(new ResourcePatternFilter(ResourceType.TOPIC, product, PatternType.MATCH),
                AccessControlEntryFilter.ANY)).values().get().stream()
                .filter(b -> b.pattern().name().startsWith(product)).toList();
    }

    private static void list(String name, List<String> consumers, boolean retired) throws Exception {
        list(name, consumers, retired, 1);
    }

    private static void list(String name, List<String> consumers, boolean retired, int major) throws Exception {
        String domain = name.substring(0, name.indexOf('.'));
        ListedProduct listing = new ListedProduct(name, domain + "/thing.product.yaml", descriptor(domain, consumers, major),
                Map.of("thing.avsc", AVSC), 1, null, "req-" + UUID.randomUUID(), "User:team-" + domain, Instant.now(), retired);
        send(MeshTopics.PRODUCTS, name, MeshJson.write(listing));
    }

    private static void send(String topic, String key, String value) throws Exception {
        try (KafkaProducer<String, String> admin = new KafkaProducer<>(kafka.adminClientConfig(), new StringSerializer(), new StringSerializer())) {
            admin.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static String password(String user) {
        return PASSWORDS.computeIfAbsent(user, u -> {
            String password = SharedSecureKafka.randomPassword();
            ScramUsers.upsert(kafka, u, password);
            return password;
        });
    }

    private static KafkaProducer<String, String> producer(String user) {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig(user, password(user)));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** Reads {@code topic} from its start as {@code user}, without a group; throws when the broker refuses. */
    private static int read(String user, String topic) {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig(user, password(user)));
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            return consumer.poll(Duration.ofSeconds(2)).count();
        }
    }

    private static boolean reads(String user, String topic) {
        try {
            read(user, topic);
            return true;
        } catch (TopicAuthorizationException e) {
            return false;
        }
    }

    private static boolean denied(String user, String topic) {
        try {
            read(user, topic);
            return false;
        } catch (TopicAuthorizationException e) {
            return true;
        }
    }

    private static void assertDenied(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).satisfiesAnyOf(
                e -> assertThat(e).isInstanceOf(TopicAuthorizationException.class),
                e -> assertThat(e).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TopicAuthorizationException.class));
    }

    private static final String AVSC = """
            {"type": "record", "name": "Thing", "namespace": "test.thing",
             "fields": [{"name": "thingId", "type": "string", "doc": "Thing id."}]}""";

    private static String descriptor(String domain, List<String> consumers, int major) {
        return """
                apiVersion: meshbone/v1
                kind: DataProduct
                metadata:
                  name: thing
                  domain: %s
                  owner: team@example.com
                  description: Things.
                spec:
                  version: %d.0.0
                  type: event
                  key: {field: thingId}
                  value: {schema: thing.avsc}
                  compatibility: BACKWARD
                  classification: internal
                  partitions: 1
                  retention: 1d
                  consumers: [%s]
                """.formatted(domain, major, String.join(", ", consumers));
    }
}
