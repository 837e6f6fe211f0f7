package io.meshbone.registry;

import static io.meshbone.registry.Registries.field;
import static io.meshbone.registry.Registries.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.localkafka.testing.TestTopics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Schema ids are 1 to 2^31-1 and never shared: imports outside that range, or onto a taken id, are refused. */
@ExtendWith(SharedKafka.class)
class SchemaIdRangeIT {

    private SchemaRegistryServer registry;
    private Http http;

    // Each test has a registry of its own: one of them takes the highest id, which would starve the others.
    @BeforeEach
    void start(KafkaCluster kafka) {
        registry = Registries.start(kafka, Registries.uniqueTopic());
        http = new Http(registry.url());
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void refusesImportedIdsOutsideOneToIntMax() {
        String subject = importing();
        for (String id : new String[] {"0", "-5", "2147483648", "9999999999999"}) {
            Http.Answer refused = http.post("/subjects/" + subject + "/versions", body(record("Bad", field("a", "int")), id));
            assertThat(refused.status()).as("id %s", id).isEqualTo(422);
            assertThat(refused.errorCode()).as("id %s", id).isEqualTo(42205);
            assertThat(refused.json().get("message").asText()).contains("Schema id " + id).contains("1 to 2147483647");
        }
        assertThat(http.get("/subjects/" + subject + "/versions").status()).isEqualTo(404);
    }

    @Test
    void refusesANewIdOnceTheHighestIsTakenInsteadOfWrappingAround() {
        String imported = importing();
        Http.Answer atMax = http.post("/subjects/" + imported + "/versions", body(record("AtMax", field("a", "int")), "2147483647"));
        assertThat(atMax.status()).isEqualTo(200);
        assertThat(atMax.json().get("id").asInt()).isEqualTo(Integer.MAX_VALUE);

        String fresh = TestTopics.unique("fresh") + "-value";
        Http.Answer refused = http.post("/subjects/" + fresh + "/versions", Http.schemaBody(record("Fresh", field("b", "int"))));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorCode()).isEqualTo(42205);
        assertThat(refused.json().get("message").asText()).contains("No schema id is left").contains("2147483647");
        assertThat(http.get("/schemas/ids/-2147483648").status()).isEqualTo(404);
        Http.Answer again = http.post("/subjects/" + fresh + "/versions", Http.schemaBody(record("AtMax", field("a", "int"))));
        assertThat(again.json().get("id").asInt()).as("a known schema keeps its id").isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void refusesToImportAnIdAnotherSchemaHas() {
        String subject = importing();
        assertThat(http.post("/subjects/" + subject + "/versions", body(record("First", field("a", "int")), "42")).status())
                .isEqualTo(200);

        Http.Answer refused = http.post("/subjects/" + subject + "/versions", body(record("Second", field("b", "int")), "42"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorCode()).isEqualTo(42207);
        assertThat(http.get("/schemas/ids/42/schema").body()).contains("First");
    }

    private String importing() {
        String subject = TestTopics.unique("imported") + "-value";
        assertThat(http.put("/mode/" + subject, "{\"mode\":\"IMPORT\"}").status()).isEqualTo(200);
        return subject;
    }

    /** A registration body with a raw JSON id, so ids beyond a Java int can be sent. */
    private static String body(String schema, String id) {
        return Http.JSON.createObjectNode().put("schema", schema).toString().replaceFirst("}$", ",\"id\":" + id + "}");
    }
}
