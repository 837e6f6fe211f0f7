package io.meshbone.registry;

import static io.meshbone.registry.Registries.field;
import static io.meshbone.registry.Registries.record;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.localkafka.testing.SharedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedKafka.class)
class ConcurrencyIT {

    private static final int THREADS = 8;
    private static final int SCHEMAS = 24;

    @Test
    void twoInstancesRegisteringOverlappingSchemasNeverShareAnIdBetweenDifferentSchemas(KafkaCluster kafka) throws Exception {
        String topic = Registries.uniqueTopic();
        try (SchemaRegistryServer a = Registries.start(kafka, topic); SchemaRegistryServer b = Registries.start(kafka, topic)) {
            List<Http> instances = List.of(new Http(a.url()), new Http(b.url()));
            // Different records share subjects here; this test is about ids, not evolution rules.
            assertThat(instances.get(0).put("/config", "{\"compatibility\":\"NONE\"}").status()).isEqualTo(200);
            Map<String, Map<Integer, Boolean>> idsBySchema = new ConcurrentHashMap<>();
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Http http = instances.get(t % 2);
                int offset = t * 3;
                done.add(pool.submit(() -> {
                    go.await();
                    // Each thread covers half the schemas, starting at a different point, so sets overlap across threads and instances.
                    for (int i = 0; i < SCHEMAS / 2; i++) {
                        int n = (offset + i) % SCHEMAS;
                        String schema = record("Concurrent" + n, field("f" + n, "string"));
                        Http.Answer answer = http.post("/subjects/concurrent-" + (n % 4) + "/versions?normalize=false",
                                Http.schemaBody(schema));
                        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                        idsBySchema.computeIfAbsent(schema, s -> new ConcurrentHashMap<>()).put(answer.json().get("id").asInt(), true);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : done) {
                future.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();

            Map<Integer, String> schemaById = new HashMap<>();
            idsBySchema.forEach((schema, ids) -> {
                assertThat(ids.keySet()).as("one id for " + schema).hasSize(1);
                String previous = schemaById.put(ids.keySet().iterator().next(), schema);
                assertThat(previous).as("id shared by two schemas").isNull();
            });
            assertThat(schemaById).hasSize(SCHEMAS);
            for (Http http : instances) {
                schemaById.forEach((id, schema) ->
                        assertThat(http.get("/schemas/ids/" + id).json().get("schema").asText()).isEqualTo(schema));
            }
        }
    }

    @Test
    void writesAlternatingBetweenTwoInstancesEachGetAFreshIncreasingId(KafkaCluster kafka) {
        String topic = Registries.uniqueTopic();
        try (SchemaRegistryServer a = Registries.start(kafka, topic); SchemaRegistryServer b = Registries.start(kafka, topic)) {
            List<Http> instances = List.of(new Http(a.url()), new Http(b.url()));
            List<Integer> ids = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                // Each write goes through the other instance: one of them is the writer, the other forwards to it.
                Http.Answer answer = instances.get(i % 2).post("/subjects/alternating-" + i + "/versions",
                        Http.schemaBody(record("Alternating" + i, field("f", "int"))));
                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                ids.add(answer.json().get("id").asInt());
            }
            assertThat(ids).isSorted().doesNotHaveDuplicates().hasSize(10);
            assertThat(instances.get(0).get("/schemas").json()).isEqualTo(instances.get(1).get("/schemas").json());
        }
    }
}
