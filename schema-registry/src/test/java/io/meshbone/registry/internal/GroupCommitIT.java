package io.meshbone.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.localkafka.testing.TestTopics;
import io.meshbone.platform.health.HealthRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Group commit on the shared broker: writes queued while the writer thread is busy go into one transaction, and each
 * is still decided against the state plus the writes before it in that transaction.
 */
@ExtendWith(SharedKafka.class)
class GroupCommitIT {

    private static final String BASE = record("{\"name\":\"id\",\"type\":\"string\"}");
    private static final String X_AS_INT = record("{\"name\":\"id\",\"type\":\"string\"}", "{\"name\":\"x\",\"type\":\"int\",\"default\":0}");
    private static final String X_AS_STRING = record("{\"name\":\"id\",\"type\":\"string\"}", "{\"name\":\"x\",\"type\":\"string\",\"default\":\"\"}");
    private static final String SHARED = "{\"type\":\"record\",\"name\":\"Shared\",\"namespace\":\"io.meshbone.test\",\"fields\":[]}";

    private final ExecutorService callers = Executors.newCachedThreadPool();
    private KafkaCluster kafka;
    private String topic;
    private KafkaStore store;
    private RegistryState state;
    private Registrar registrar;

    @BeforeEach
    void open(KafkaCluster kafka) {
        this.kafka = kafka;
        topic = TestTopics.unique("_schemas");
        state = new RegistryState();
        store = KafkaStore.open(Map.of("bootstrap.servers", kafka.bootstrapServers()), topic, state,
                new HealthRegistry().part("group-commit-test"));
        registrar = new Registrar(store, state);
    }

    @AfterEach
    void close() {
        callers.shutdownNow();
        store.close();
    }

    @Test
    void writesQueuedWhileTheWriterIsBusyShareOneTransactionAndSeeEachOther() throws Exception {
        registrar.register("pair", request(BASE), false);
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> blocker = call(() -> store.write(current -> {
            busy.countDown();
            awaitQuietly(release);
            return StoreWrite.nothing("done");
        }));
        assertThat(busy.await(30, TimeUnit.SECONDS)).isTrue();

        // Queued behind the busy writer: two incompatible evolutions of one subject, the same new schema under two
        // subjects, and three new versions of a third subject.
        List<CompletableFuture<Object>> queued = new ArrayList<>();
        queued.add(call(() -> registrar.register("pair", request(X_AS_INT), false)));
        queued.add(call(() -> registrar.register("pair", request(X_AS_STRING), false)));
        queued.add(call(() -> registrar.register("shared-a", request(SHARED), false)));
        queued.add(call(() -> registrar.register("shared-b", request(SHARED), false)));
        for (int i = 0; i < 3; i++) {
            String schema = record("{\"name\":\"v" + i + "\",\"type\":\"int\",\"default\":0}");
            queued.add(call(() -> registrar.register("sequence", request(schema), false)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> store.waitingWrites() == queued.size());
        long endBefore = state.position();
        release.countDown();
        assertThat(blocker.get(30, TimeUnit.SECONDS)).isEqualTo("done");

        List<Object> answers = new ArrayList<>();
        for (CompletableFuture<Object> answer : queued) {
            answers.add(answer.handle((ok, error) -> ok != null ? ok : error.getCause()).get(60, TimeUnit.SECONDS));
        }
        // The pair: whichever is decided first is checked against version 1 and accepted, the other against it and refused.
        List<Object> pair = List.of(answers.get(0), answers.get(1));
        assertThat(pair).filteredOn(Registrar.Registered.class::isInstance).singleElement()
                .extracting(a -> ((Registrar.Registered) a).version()).isEqualTo(2);
        assertThat(pair).filteredOn(RestError.class::isInstance).singleElement()
                .extracting(a -> ((RestError) a).errorCode()).isEqualTo(Errors.INCOMPATIBLE_SCHEMA);
        // One schema, one id, though neither registration was committed when the other was decided.
        Registrar.Registered sharedA = (Registrar.Registered) answers.get(2);
        Registrar.Registered sharedB = (Registrar.Registered) answers.get(3);
        assertThat(sharedA.id()).isEqualTo(sharedB.id());
        assertThat(List.of(answers.get(4), answers.get(5), answers.get(6)))
                .extracting(a -> ((Registrar.Registered) a).version()).containsExactlyInAnyOrder(1, 2, 3);
        List<Integer> ids = new ArrayList<>();
        pair.stream().filter(Registrar.Registered.class::isInstance).forEach(a -> ids.add(((Registrar.Registered) a).id()));
        for (int i : new int[] {2, 4, 5, 6}) {
            ids.add(((Registrar.Registered) answers.get(i)).id());
        }
        assertThat(ids).doesNotHaveDuplicates();

        // One transaction: the six records sit at consecutive offsets, its commit marker after them.
        List<Long> offsets = committedOffsetsFrom(endBefore);
        assertThat(offsets).hasSize(6);
        assertThat(offsets.get(5) - offsets.get(0)).isEqualTo(5);
    }

    @Test
    void concurrentRegistrationsOnOneInstanceGetDistinctIdsAndSequentialVersions() throws Exception {
        new Settings(store).setConfig(RegistryState.GLOBAL, new SubjectConfig("NONE", null));
        List<CompletableFuture<Object>> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String schema = record("{\"name\":\"f" + i + "\",\"type\":\"long\"}");
            String subject = "many-" + (i % 5);
            answers.add(call(() -> registrar.register(subject, request(schema), false)));
        }
        List<Integer> ids = new ArrayList<>();
        for (CompletableFuture<Object> answer : answers) {
            ids.add(((Registrar.Registered) answer.get(120, TimeUnit.SECONDS)).id());
        }
        assertThat(ids).doesNotHaveDuplicates().hasSize(40);
        for (int subject = 0; subject < 5; subject++) {
            assertThat(state.versions("many-" + subject)).extracting(StoredSchema::version).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        }
    }

    private List<Long> committedOffsetsFrom(long offset) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                "isolation.level", "read_committed"), new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seek(partition, offset);
            List<Long> offsets = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 30_000;
            while (offsets.size() < 6 && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    offsets.add(record.offset());
                }
            }
            return offsets;
        }
    }

    private <T> CompletableFuture<T> call(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, callers);
    }

    private static RegisterRequest request(String schema) {
        return new RegisterRequest(null, schema, List.of(), null, null, null, null);
    }

    private static String record(String... fields) {
        return "{\"type\":\"record\",\"name\":\"Grouped\",\"namespace\":\"io.meshbone.test\",\"fields\":[" + String.join(",", fields) + "]}";
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
