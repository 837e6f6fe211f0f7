package io.meshbone.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.ProductRequest;
import io.meshbone.platform.mesh.MeshClientSettings;
import io.meshbone.platform.mesh.MeshConsumer;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * Impact and lifecycle on a real mesh: live consumer groups with their lag in the catalog, deprecate and retire as
 * decisions of the contract gate, the catalog's display of a deprecation, and MeshConsumer's warning.
 */
@ExtendWith({SharedKafka.class, SharedCatalogMesh.class})
class CatalogLifecycleIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String OWNER = "User:team-lifecycle";
    private static final String INTRUDER = "User:intruder";

    private static CatalogMesh mesh;
    private static String domain;
    private static String old;
    private static String successor;

    @BeforeAll
    static void listTwoProductsOfAFreshDomain(CatalogMesh shared) throws Exception {
        mesh = shared;
        domain = "life" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        old = domain + ".old-feed";
        successor = domain + ".new-feed";
        assertThat(apply(OWNER, "old-feed").outcome()).isEqualTo(Decision.Outcome.ACCEPTED);
        assertThat(apply(OWNER, "new-feed").outcome()).isEqualTo(Decision.Outcome.ACCEPTED);
        // Its own topic for the raw records the lag test writes: a MeshConsumer of old-feed must not meet them.
        assertThat(apply(OWNER, "lag-feed").outcome()).isEqualTo(Decision.Outcome.ACCEPTED);
        await().atMost(WAIT).until(() -> Http.get(mesh.catalogUrl(), "/api/products/" + successor).status() == 200);
    }

    @Test
    void aGroupReadingTheTopicAppearsAsALiveConsumerWithItsCommittedOffsetLag() throws Exception {
        String topic = domain + ".lag-feed.v1";
        try (Admin admin = Admin.create(mesh.clientConfig())) {
            await().atMost(WAIT).until(() -> admin.listTopics().names().get().contains(topic));
        }
        int produced = 10;
        int consumed = 4;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(mesh.clientConfig(), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < produced; i++) {
                producer.send(new ProducerRecord<>(topic, ("r" + i).getBytes(StandardCharsets.UTF_8))).get();
            }
        }
        String group = "impact-" + UUID.randomUUID();
        Map<String, Object> config = mesh.clientConfig();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, consumed);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            int[] read = {0};
            await().atMost(WAIT).until(() -> {
                read[0] += consumer.poll(Duration.ofMillis(200)).count();
                return read[0] >= consumed;
            });
            consumer.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(consumed)));

            await().atMost(WAIT).untilAsserted(() -> {
                consumer.poll(Duration.ZERO);   // stays a live member while the catalog looks
                JsonNode consumers = product(domain + ".lag-feed").path("consumers");
                JsonNode mine = live(consumers, group);
                assertThat(mine).as(consumers.toString()).isNotNull();
                assertThat(mine.path("lag").asLong()).isEqualTo(produced - consumed);
                assertThat(mine.path("state").asText()).isEqualTo("STABLE");
                assertThat(mine.path("members").asInt()).isEqualTo(1);
                assertThat(mine.path("mesh").asBoolean()).isFalse();
                assertThat(consumers.path("checkedAt").asText()).isNotEmpty();
                assertThat(consumers.path("declared")).extracting(JsonNode::asText).containsExactly("billing", "analytics");
            });
        }
        // The successor is read by nobody: no group of another product's topic shows up there.
        assertThat(live(product(successor).path("consumers"), group)).isNull();
    }

    @Test
    void theOwnersDeprecationIsAcceptedAndShownInTheProductAndTheList() throws Exception {
        String sunset = LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();
        Decision decision = send(ProductRequest.deprecate(OWNER, old, sunset, successor, "new-feed keys by id"));

        assertThat(decision.outcome()).as("%s", decision.reasons()).isEqualTo(Decision.Outcome.ACCEPTED);
        assertThat(decision.product()).isEqualTo(old);
        assertThat(decision.version()).isEqualTo("1.0.0");
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode d = product(old).path("deprecation");
            assertThat(d.path("sunset").asText()).isEqualTo(sunset);
            assertThat(d.path("successor").asText()).isEqualTo(successor);
            assertThat(d.path("reason").asText()).isEqualTo("new-feed keys by id");
            assertThat(d.path("by").asText()).isEqualTo(OWNER);
            assertThat(d.path("at").asText()).isNotEmpty();
        });
        JsonNode list = Http.get(mesh.catalogUrl(), "/api/products?domain=" + domain).json();
        for (JsonNode p : list.path("products")) {
            assertThat(p.path("deprecation").isObject()).as(p.toString()).isEqualTo(p.path("name").asText().equals(old));
        }
        assertThat(product(old).path("decisions")).anySatisfy(d -> assertThat(d.path("requestId").asText()).isEqualTo(decision.requestId()));
    }

    @Test
    void aDeprecationFromANonOwnerWithAPastSunsetAndAnUnknownSuccessorIsRejectedNamingEachReason() throws Exception {
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        Decision decision = send(ProductRequest.deprecate(INTRUDER, successor, yesterday, domain + ".no-such-feed", null));

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.REJECTED);
        assertThat(decision.reasons()).containsExactly(
                successor + ": principal: " + INTRUDER + " may not deprecate a product listed by " + OWNER,
                successor + ": sunset: " + yesterday + " is in the past; expected today ("
                        + LocalDate.now(ZoneOffset.UTC) + ", UTC) or later",
                successor + ": successor: '" + domain + ".no-such-feed' names no listed product");
        // Each alone is enough to refuse.
        assertThat(send(ProductRequest.deprecate(INTRUDER, successor, "2099-01-01", old, null)).reasons())
                .singleElement().asString().contains("principal: " + INTRUDER);
        assertThat(send(ProductRequest.deprecate(OWNER, successor, yesterday, old, null)).reasons())
                .singleElement().asString().contains("sunset: " + yesterday + " is in the past");
        assertThat(send(ProductRequest.deprecate(OWNER, successor, "2099-01-01", domain + ".new-fed", null)).reasons())
                .singleElement().asString().contains("did you mean '" + successor + "'");
        assertThat(product(successor).path("deprecation").isNull()).isTrue();
    }

    @Test
    void retireIsADecisionOnlyTheOwnerGets() throws Exception {
        assertThat(apply(OWNER, "gone-feed").outcome()).isEqualTo(Decision.Outcome.ACCEPTED);
        String gone = domain + ".gone-feed";

        Decision refused = send(ProductRequest.retire(INTRUDER, gone));
        assertThat(refused.outcome()).isEqualTo(Decision.Outcome.REJECTED);
        assertThat(refused.reasons()).containsExactly(gone + ": principal: " + INTRUDER + " may not retire a product listed by " + OWNER);

        Decision retired = send(ProductRequest.retire(OWNER, gone));
        assertThat(retired.outcome()).isEqualTo(Decision.Outcome.ACCEPTED);
        assertThat(retired.version()).isEqualTo("1.0.0");
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode p = product(gone);
            assertThat(p.path("versions").get(p.path("versions").size() - 1).path("retired").asBoolean()).isTrue();
            assertThat(p.path("decisions")).anySatisfy(d -> assertThat(d.path("requestId").asText()).isEqualTo(retired.requestId()));
        });
        assertThat(send(ProductRequest.retire(OWNER, gone)).reasons())
                .containsExactly(gone + ": name: no listed product of that name to retire");
    }

    @Test
    void meshConsumerWarnsOncePerSubscriptionToADeprecatedProductNamingSunsetAndSuccessor() throws Exception {
        String sunset = LocalDate.now(ZoneOffset.UTC).plusDays(60).toString();
        assertThat(send(ProductRequest.deprecate(OWNER, old, sunset, successor, null)).outcome()).isEqualTo(Decision.Outcome.ACCEPTED);
        await().atMost(WAIT).until(() -> product(old).path("deprecation").path("sunset").asText().equals(sunset));

        Logger logger = (Logger) LoggerFactory.getLogger(MeshConsumer.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        try {
            MeshClientSettings settings = MeshClientSettings.of(mesh.catalogUrl().toString()).withGroupId("warned-" + UUID.randomUUID());
            try (MeshConsumer<GenericRecord> first = MeshConsumer.subscribe(old, settings)) {
                first.poll(Duration.ofMillis(100));
                first.poll(Duration.ofMillis(100));
            }
            assertThat(warnings(logs)).singleElement().satisfies(message -> assertThat(message)
                    .contains(old).contains("sunset " + sunset).contains("successor " + successor));
            try (MeshConsumer<GenericRecord> second = MeshConsumer.subscribe(old, settings)) {
                second.poll(Duration.ofMillis(100));
            }
            assertThat(warnings(logs)).hasSize(2);
            try (MeshConsumer<GenericRecord> notDeprecated = MeshConsumer.subscribe(successor, settings)) {
                notDeprecated.poll(Duration.ofMillis(100));
            }
            assertThat(warnings(logs)).hasSize(2);
        } finally {
            logger.detachAppender(logs);
        }
    }

    private static List<String> warnings(ListAppender<ILoggingEvent> logs) {
        return logs.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static JsonNode live(JsonNode consumers, String group) {
        for (JsonNode g : consumers.path("live")) {
            if (g.path("groupId").asText().equals(group)) {
                return g;
            }
        }
        return null;
    }

    private static JsonNode product(String name) throws Exception {
        Http.Answer answer = Http.get(mesh.catalogUrl(), "/api/products/" + name);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static Decision send(ProductRequest request) throws Exception {
        return LifecycleRequests.send(mesh, request);
    }

    private static Decision apply(String principal, String name) throws Exception {
        return LifecycleRequests.list(mesh, principal, domain, name);
    }
}
