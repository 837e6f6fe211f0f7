package io.meshbone.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.localkafka.testing.SharedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Open mode: no sign-in, but a web page on another site still cannot register schemas. */
@ExtendWith(SharedKafka.class)
class RequestRulesOpenModeIT {

    private static final String SCHEMA = Http.schemaBody(Registries.record("Thing", Registries.field("id", "string")));

    @Test
    void refusesCrossSiteAndNonJsonWritesAndTakesEveryJsonTypeConfluentTakes(KafkaCluster kafka) {
        try (SchemaRegistryServer registry = Registries.start(kafka, Registries.uniqueTopic())) {
            Http http = new Http(registry.url());
            for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
                Http.Answer refused = http.send("POST", "/subjects/csrf-value/versions", SCHEMA, type);
                assertThat(refused.status()).as(type).isEqualTo(415);
                assertThat(refused.errorCode()).isEqualTo(415);
                assertThat(refused.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
            }
            Http.Answer evil = http.withOrigin("https://evil.example").post("/subjects/csrf-value/versions", SCHEMA);
            assertThat(evil.status()).isEqualTo(403);
            assertThat(evil.json().path("message").asText()).contains("https://evil.example");
            assertThat(http.get("/subjects/csrf-value/versions").status()).as("nothing registered").isEqualTo(404);

            for (String type : new String[] {"application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry+json",
                    "application/json; charset=utf-8", "application/octet-stream"}) {
                assertThat(http.send("POST", "/subjects/json-value/versions", SCHEMA, type).status()).as(type).isEqualTo(200);
            }
            assertThat(http.withOrigin(registry.url().toString()).post("/subjects/json-value/versions", SCHEMA).status())
                    .as("the registry's own origin").isEqualTo(200);
            assertThat(http.delete("/subjects/json-value").status()).as("a DELETE without body or type").isEqualTo(200);
        }
    }
}
