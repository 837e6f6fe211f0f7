package io.meshbone.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.localkafka.testing.SharedKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The errors Jetty answers before any route (CatalogFuzzIT found them as HTML) have the API's JSON error shape. */
@ExtendWith(SharedKafka.class)
class CatalogJettyErrorsIT {

    private static CatalogServer catalog;

    @BeforeAll
    static void start(KafkaCluster kafka) {
        catalog = CatalogServer.start(CatalogSettings.defaults(kafka.bootstrapServers(), "http://127.0.0.1:1")
                .withHost("127.0.0.1").withPort(0));
    }

    @AfterAll
    static void stop() {
        catalog.close();
    }

    @Test
    void anAmbiguousPathIsA400WithStatusAndMessage() throws Exception {
        Http.Answer answer = Http.get(catalog.url(), "/../etc/passwd");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/json");
        JsonNode error = answer.json();
        assertThat(error.path("status").asInt()).isEqualTo(400);
        assertThat(error.path("message").asText()).isNotBlank();
    }

    @Test
    void aMalformedPercentEscapeIsA400WithStatusAndMessage() throws Exception {
        Http.Answer answer = Http.get(catalog.url(), "/api/products/%2e%2e%2F");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("status").asInt()).isEqualTo(400);
        assertThat(answer.json().path("message").asText()).isNotBlank();
    }

}
