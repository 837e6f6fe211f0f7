package io.meshbone.registry;

import static io.meshbone.registry.Registries.field;
import static io.meshbone.registry.Registries.record;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.localkafka.testing.SharedKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every answer of a scripted session, success or error, must match the response schema Confluent's OpenAPI file declares. */
@ExtendWith(SharedKafka.class)
class OpenApiContractIT {

    private static SchemaRegistryServer registry;
    private static Http http;
    private static final OpenApiContract CONTRACT = new OpenApiContract();

    /**
     * 200 bodies the file gets wrong or leaves out, validated against the component Confluent's server really returns:
     * the metadata endpoints declare only their 500, and both config deletes are declared as a bare level string
     * while Confluent's ConfigResource answers a {@code Config} object ({@code {"compatibilityLevel": …}}).
     */
    private static final java.util.Map<String, String> OVERRIDES = java.util.Map.of(
            "GET /v1/metadata/id", "ServerClusterId",
            "GET /v1/metadata/version", "SchemaRegistryServerVersion",
            "DELETE /config", "Config",
            "DELETE /config/{subject}", "Config");

    private record Step(String method, String template, String path, String body, int expectedStatus) {
    }

    @BeforeAll
    static void start(KafkaCluster kafka) {
        registry = Registries.start(kafka, Registries.uniqueTopic());
        http = new Http(registry.url());
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Test
    void everyAnswerMatchesTheDeclaredResponseSchema() {
        String v1 = Http.schemaBody(record("Contract", field("a", "string")));
        ObjectNode v2 = Http.JSON.createObjectNode().put("schema", record("Contract", field("a", "string"),
                "{\"name\":\"b\",\"type\":\"int\",\"default\":0}"));
        v2.putObject("metadata").putObject("properties").put("owner", "team");
        String incompatible = Http.schemaBody(record("Contract", field("a", "int")));
        List<Step> steps = List.of(
                new Step("POST", "/subjects/{subject}/versions", "/subjects/contract/versions", v1, 200),
                new Step("POST", "/subjects/{subject}/versions", "/subjects/contract/versions", v2.toString(), 200),
                new Step("POST", "/subjects/{subject}/versions", "/subjects/contract/versions", incompatible, 409),
                new Step("POST", "/subjects/{subject}/versions", "/subjects/contract/versions", "{\"schema\":\"{\\\"type\\\":\\\"nope\\\"}\"}", 422),
                new Step("GET", "/subjects", "/subjects", null, 200),
                new Step("GET", "/subjects/{subject}/versions", "/subjects/contract/versions", null, 200),
                new Step("GET", "/subjects/{subject}/versions", "/subjects/missing/versions", null, 404),
                new Step("GET", "/subjects/{subject}/versions/{version}", "/subjects/contract/versions/2", null, 200),
                new Step("GET", "/subjects/{subject}/versions/{version}", "/subjects/contract/versions/latest", null, 200),
                new Step("GET", "/subjects/{subject}/versions/{version}", "/subjects/contract/versions/x", null, 422),
                new Step("GET", "/subjects/{subject}/versions/{version}", "/subjects/contract/versions/9", null, 404),
                new Step("GET", "/subjects/{subject}/versions/{version}/schema", "/subjects/contract/versions/1/schema", null, 200),
                new Step("GET", "/subjects/{subject}/versions/{version}/referencedby", "/subjects/contract/versions/1/referencedby", null, 200),
                new Step("GET", "/subjects/{subject}/metadata", "/subjects/contract/metadata?key=owner&value=team", null, 200),
                new Step("POST", "/subjects/{subject}", "/subjects/contract", v1, 200),
                new Step("POST", "/subjects/{subject}", "/subjects/missing", v1, 404),
                new Step("GET", "/schemas", "/schemas", null, 200),
                new Step("GET", "/schemas/types", "/schemas/types", null, 200),
                new Step("GET", "/schemas/ids/{id}", "/schemas/ids/1?fetchMaxId=true", null, 200),
                new Step("GET", "/schemas/ids/{id}", "/schemas/ids/4242", null, 404),
                new Step("GET", "/schemas/ids/{id}/schema", "/schemas/ids/1/schema", null, 200),
                new Step("GET", "/schemas/ids/{id}/subjects", "/schemas/ids/1/subjects", null, 200),
                new Step("GET", "/schemas/ids/{id}/versions", "/schemas/ids/1/versions", null, 200),
                new Step("POST", "/compatibility/subjects/{subject}/versions", "/compatibility/subjects/contract/versions?verbose=true", incompatible, 200),
                new Step("POST", "/compatibility/subjects/{subject}/versions/{version}", "/compatibility/subjects/contract/versions/1", v1, 200),
                new Step("POST", "/compatibility/subjects/{subject}/versions/{version}", "/compatibility/subjects/missing/versions/1", v1, 404),
                new Step("GET", "/config", "/config", null, 200),
                new Step("PUT", "/config", "/config", "{\"compatibility\":\"BACKWARD\"}", 200),
                new Step("PUT", "/config/{subject}", "/config/contract", "{\"compatibility\":\"FULL\"}", 200),
                new Step("PUT", "/config/{subject}", "/config/contract", "{\"compatibility\":\"MAYBE\"}", 422),
                new Step("GET", "/config/{subject}", "/config/contract", null, 200),
                new Step("DELETE", "/config/{subject}", "/config/contract", null, 200),
                new Step("GET", "/config/{subject}", "/config/contract", null, 404),
                new Step("GET", "/mode", "/mode", null, 200),
                new Step("PUT", "/mode/{subject}", "/mode/contract", "{\"mode\":\"READWRITE\"}", 200),
                new Step("GET", "/mode/{subject}", "/mode/contract", null, 200),
                new Step("DELETE", "/mode/{subject}", "/mode/contract", null, 200),
                new Step("GET", "/contexts", "/contexts", null, 200),
                new Step("GET", "/v1/metadata/id", "/v1/metadata/id", null, 200),
                new Step("GET", "/v1/metadata/version", "/v1/metadata/version", null, 200),
                new Step("DELETE", "/subjects/{subject}/versions/{version}", "/subjects/contract/versions/1?permanent=true", null, 404),
                new Step("DELETE", "/subjects/{subject}/versions/{version}", "/subjects/contract/versions/1", null, 200),
                new Step("DELETE", "/subjects/{subject}", "/subjects/contract", null, 200),
                new Step("DELETE", "/subjects/{subject}", "/subjects/contract?permanent=true", null, 200));

        List<String> violations = new ArrayList<>();
        for (Step step : steps) {
            Http.Answer answer = http.send(step.method(), step.path(), step.body(), "application/vnd.schemaregistry.v1+json");
            String where = step.method() + " " + step.path() + " -> " + answer.status() + " " + answer.body();
            assertThat(answer.status()).as(where).isEqualTo(step.expectedStatus());
            assertThat(answer.contentType()).as(where).isEqualTo("application/vnd.schemaregistry.v1+json");
            JsonNode schema = answer.status() == 200 ? CONTRACT.responseSchema(step.method(), step.template(), 200)
                    : CONTRACT.errorSchema();
            String override = OVERRIDES.get(step.method() + " " + step.template());
            if (answer.status() == 200 && override != null) {
                schema = CONTRACT.component(override);
            }
            assertThat(schema).as("the spec declares a 200 schema for " + step.template()).isNotNull();
            // The /schema endpoints answer with the schema text itself; the spec types that as a string.
            JsonNode body = schema.path("type").asText().equals("string") ? TextNode.valueOf(answer.body()) : answer.json();
            CONTRACT.validate(schema, body).forEach(message -> violations.add(where + ": " + message));
            if (answer.status() != 200) {
                assertThat(answer.json().has("error_code") && answer.json().has("message")).as(where).isTrue();
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theValidatorCatchesAWrongShape() {
        JsonNode schema = CONTRACT.responseSchema("GET", "/subjects/{subject}/versions/{version}", 200);
        JsonNode wrong = Http.JSON.createObjectNode().put("subject", "s").put("version", "one").put("id", "x");
        assertThat(CONTRACT.validate(schema, wrong)).isNotEmpty();
    }
}
