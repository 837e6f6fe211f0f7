package io.meshbone.registry;

import static io.meshbone.registry.Registries.field;
import static io.meshbone.registry.Registries.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.localkafka.testing.SharedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two instances on one topic: writes reaching the one that is not the writer are made by the writer; when it stops, the other takes over. */
@ExtendWith(SharedKafka.class)
class WriterForwardingIT {

    @Test
    void writesThroughTheOtherInstanceAreMadeByTheWriterUntilItStops(KafkaCluster kafka) {
        String topic = Registries.uniqueTopic();
        try (SchemaRegistryServer b = Registries.start(kafka, topic)) {
            Http throughB = new Http(b.url());
            List<Integer> ids = new ArrayList<>();
            URI writerA;
            try (SchemaRegistryServer a = Registries.start(kafka, topic)) {
                writerA = a.advertisedUrl();
                ids.add(register(new Http(a.url()), "forwarded-0"));
                assertThat(a.writer()).contains(writerA);
                await().atMost(Duration.ofSeconds(30)).until(() -> b.writer().equals(Optional.of(writerA)));

                for (int i = 1; i <= 5; i++) {
                    int id = register(throughB, "forwarded-" + i);
                    ids.add(id);
                    // Read-your-writes on the instance the caller asked, though another one wrote.
                    assertThat(throughB.get("/schemas/ids/" + id).status()).isEqualTo(200);
                    assertThat(throughB.get("/subjects/forwarded-" + i + "/versions/latest").json().get("id").asInt()).isEqualTo(id);
                }
                // Every record still names A as its writer: B never took the transactional id.
                assertThat(a.writer()).contains(writerA);
                assertThat(b.writer()).contains(writerA);
                Http.Answer config = throughB.put("/config/forwarded-1", "{\"compatibility\":\"FULL\"}");
                assertThat(config.status()).as(config.body()).isEqualTo(200);
                assertThat(new Http(a.url()).get("/config/forwarded-1").json().get("compatibilityLevel").asText()).isEqualTo("FULL");
                Http.Answer incompatible = throughB.post("/subjects/forwarded-1/versions",
                        Http.schemaBody(record("Forwarded1", field("other", "int"))));
                assertThat(incompatible.status()).isEqualTo(409);
                assertThat(incompatible.errorCode()).isEqualTo(40901);
                assertThat(throughB.delete("/subjects/forwarded-2/versions/1").status()).isEqualTo(200);
                assertThat(throughB.delete("/subjects/forwarded-2/versions/1").errorCode()).isEqualTo(40406);
                assertThat(b.writer()).contains(writerA);
            }

            // A is gone: B cannot reach it, takes the writer role and answers.
            for (int i = 6; i <= 8; i++) {
                ids.add(register(throughB, "forwarded-" + i));
            }
            assertThat(b.writer()).contains(b.advertisedUrl());
            assertThat(ids).isSorted().doesNotHaveDuplicates().hasSize(9);
        }
    }

    @Test
    void aWriterThatRestartsElsewhereIsFoundAgainAndNoIdIsHandedTwice(KafkaCluster kafka) {
        String topic = Registries.uniqueTopic();
        List<Integer> ids = new ArrayList<>();
        try (SchemaRegistryServer a = Registries.start(kafka, topic)) {
            ids.add(register(new Http(a.url()), "restart-0"));
        }
        // The topic names a writer that no longer listens; both new instances take writes, one of them becomes the writer.
        try (SchemaRegistryServer b = Registries.start(kafka, topic); SchemaRegistryServer c = Registries.start(kafka, topic)) {
            for (int i = 1; i <= 6; i++) {
                ids.add(register(new Http((i % 2 == 0 ? b : c).url()), "restart-" + i));
            }
            assertThat(ids).isSorted().doesNotHaveDuplicates();
            URI writer = b.writer().orElseThrow();
            assertThat(writer).isIn(b.advertisedUrl(), c.advertisedUrl());
            await().atMost(Duration.ofSeconds(30)).until(() -> c.writer().equals(Optional.of(writer)));
        }
    }

    private static int register(Http http, String subject) {
        Http.Answer answer = http.post("/subjects/" + subject + "/versions",
                Http.schemaBody(record(subject.replace("-", "_").replace("forwarded", "Forwarded").replace("restart", "Restart"),
                        field("f", "string"))));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("id").asInt();
    }
}
