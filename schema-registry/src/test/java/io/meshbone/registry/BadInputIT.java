package io.meshbone.registry;

import static io.meshbone.registry.Registries.field;
import static io.meshbone.registry.Registries.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.localkafka.testing.TestTopics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(SharedKafka.class)
class BadInputIT {

    private static SchemaRegistryServer registry;
    private static Http http;
    private static String subject;

    @BeforeAll
    static void start(KafkaCluster kafka) {
        registry = SchemaRegistryServer.start(SchemaRegistrySettings.defaults(kafka.bootstrapServers())
                .withHost("127.0.0.1").withPort(0).withTopic(Registries.uniqueTopic()).withMaxBodyBytes(64 * 1024));
        http = new Http(registry.url());
        subject = TestTopics.unique("bad") + "-value";
        http.post("/subjects/" + subject + "/versions", Http.schemaBody(record("Known", field("a", "int"))));
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static void assertError(Http.Answer answer, int status, int errorCode) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.errorCode()).as(answer.body()).isEqualTo(errorCode);
        assertThat(answer.json().get("message").asText()).isNotBlank();
        assertThat(answer.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
    }

    @Test
    void malformedJsonIs400WithErrorCode400AsConfluentRestUtilsAnswers() {
        assertError(http.post("/subjects/" + subject + "/versions", "{\"schema\": "), 400, 400);
    }

    @Test
    void invalidAvroIs42201AndNamesTheProblem() {
        Http.Answer answer = http.post("/subjects/" + subject + "/versions", Http.schemaBody("{\"type\":\"record\",\"name\":\"X\"}"));
        assertError(answer, 422, 42201);
        assertThat(answer.json().get("message").asText()).contains("fields");
        assertError(http.post("/subjects/" + subject + "/versions", Http.schemaBody("not json at all")), 422, 42201);
        assertError(http.post("/subjects/" + subject + "/versions", "{}"), 422, 42201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"JSON", "PROTOBUF", "THRIFT"})
    void otherSchemaTypesAre42201WithAClearMessage(String type) {
        String body = Http.JSON.createObjectNode().put("schemaType", type).put("schema", "{\"type\":\"object\"}").toString();
        Http.Answer answer = http.post("/subjects/" + subject + "/versions", body);
        assertError(answer, 422, 42201);
        assertThat(answer.json().get("message").asText()).contains(type).contains("AVRO");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-2", "abc", "1.5", "2147483648", "LATEST"})
    void badVersionStringsAre42202(String version) {
        assertError(http.get("/subjects/" + subject + "/versions/" + version), 422, 42202);
    }

    @Test
    void unknownSubjectVersionAndIdAre40401And40402And40403() {
        assertError(http.get("/subjects/no-such-subject/versions"), 404, 40401);
        assertError(http.get("/subjects/no-such-subject/versions/1"), 404, 40401);
        assertError(http.get("/subjects/" + subject + "/versions/99"), 404, 40402);
        assertError(http.get("/schemas/ids/987654"), 404, 40403);
        assertError(http.post("/subjects/no-such-subject", Http.schemaBody(record("Known", field("a", "int")))), 404, 40401);
    }

    @Test
    void oversizedBodyIs42209() {
        String huge = Http.schemaBody(record("Big", field("a".repeat(70_000), "int")));
        assertError(http.post("/subjects/" + subject + "/versions", huge), 422, 42209);
    }

    @Test
    void invalidCompatibilityLevelIs42203() {
        assertError(http.put("/config/" + subject, "{\"compatibility\":\"SOMETIMES\"}"), 422, 42203);
        assertError(http.put("/config", "{\"compatibility\":null}"), 422, 42203);
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405() {
        assertError(http.get("/nothing/here"), 404, 404);
        assertError(http.put("/subjects", "{}"), 405, 405);
    }

    @Test
    void referenceToAMissingSubjectIs42201() {
        com.fasterxml.jackson.databind.node.ObjectNode node = Http.JSON.createObjectNode();
        node.put("schema", record("Ref", "{\"name\":\"x\",\"type\":\"a.Missing\"}"));
        node.putArray("references").addObject().put("name", "a.Missing").put("subject", "nope").put("version", 1);
        String body = node.toString();
        Http.Answer answer = http.post("/subjects/" + subject + "/versions", body);
        assertError(answer, 422, 42201);
        assertThat(answer.json().get("message").asText()).contains("nope");
    }

    @Test
    void errorsJettyRaisesItselfStillCarryErrorCodeAndMessage() {
        Http.Answer answer = http.get("/subjects/%2e%2e%2F%2e%2e/versions");
        assertThat(answer.status()).as(answer.body()).isBetween(400, 499);
        assertThat(answer.json()).as(answer.body()).isNotNull();
        assertThat(answer.errorCode()).isEqualTo(answer.status());
        assertThat(answer.json().get("message").asText()).isNotBlank();
    }
}
