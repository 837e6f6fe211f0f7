package io.meshbone.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.platform.control.MeshTopicPlans;
import io.meshbone.platform.health.HealthRegistry;
import io.meshbone.platform.health.PartReporter;
import io.meshbone.platform.provisioning.TopicReconciler;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /api/health} on a real catalog: every part's state, 503 while one has failed. */
@ExtendWith(SharedKafka.class)
class CatalogHealthIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void reportsEveryPartAndAnswers503WhileOneHasFailed(KafkaCluster kafka) throws Exception {
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            new TopicReconciler(admin).reconcile(MeshTopicPlans.internal(1));
        }
        HealthRegistry health = new HealthRegistry();
        PartReporter provisioner = health.part("provisioner");
        provisioner.running();
        try (CatalogServer catalog = CatalogServer.start(
                CatalogSettings.defaults(kafka.bootstrapServers(), "http://127.0.0.1:9").withPort(0), health)) {
            URI url = catalog.url().resolve("/api/health");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                HttpResponse<String> up = get(url);
                JsonNode body = MeshJson.tree(up.body());
                assertThat(up.statusCode()).isEqualTo(200);
                assertThat(body.path("status").asText()).isEqualTo("UP");
                assertThat(body.path("caughtUp").asBoolean()).isTrue();
                assertThat(body.path("products").isInt()).isTrue();
                assertThat(body.path("parts").findValuesAsText("part"))
                        .contains("provisioner", "catalog-reader:mesh-topics", "catalog-reader:topic-counter");
                assertThat(body.path("parts").findValuesAsText("state")).containsOnly("RUNNING");
            });

            provisioner.failed("cannot create topic a.b.v1: collides");

            HttpResponse<String> down = get(url);
            JsonNode body = MeshJson.tree(down.body());
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(body.path("status").asText()).isEqualTo("DOWN");
            assertThat(body.path("caughtUp").asBoolean()).isTrue();
            JsonNode failed = body.path("parts").findParents("part").stream()
                    .filter(part -> part.path("part").asText().equals("provisioner")).findFirst().orElseThrow();
            assertThat(failed.path("state").asText()).isEqualTo("FAILED");
            assertThat(failed.path("reason").asText()).isEqualTo("cannot create topic a.b.v1: collides");

            provisioner.running();
            assertThat(get(url).statusCode()).isEqualTo(200);
        }
    }

    private HttpResponse<String> get(URI url) throws Exception {
        return http.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
