package io.meshbone.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.localkafka.testing.TestTopics;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A secure worker: its REST API asks for basic auth, and a connector's secret shows only as its placeholder. */
@ExtendWith(SharedKafka.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConnectSecurityIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SECRET = "s3cret-db-pw";

    /**
     * First in this class: an open worker's plugin scan loads the basic-auth extension, which keeps the JVM's JAAS
     * configuration of that moment; a secure worker started later in the same JVM must still sign callers in.
     */
    @Test
    @Order(1)
    void aSecureWorkerStartedAfterAnOpenOneStillSignsCallersIn(KafkaCluster kafka, @TempDir Path dir) throws Exception {
        String openGroup = TestTopics.unique("open-connect");
        try (ConnectWorker open = ConnectWorker.start(ConnectWorkerSettings.defaults(kafka.bootstrapServers())
                .withHost("127.0.0.1").withPort(0).withGroup(openGroup, "_" + openGroup))) {
            assertThat(get(open.restUrl().resolve("/connectors"), null).statusCode()).isEqualTo(200);
        }
        Path users = Files.writeString(dir.resolve("http-users.properties"), "connect: c-pw\nadmin: a-pw\n");
        String group = TestTopics.unique("secure-after-open");
        try (ConnectWorker worker = ConnectWorker.start(ConnectWorkerSettings.defaults(kafka.bootstrapServers())
                .withHost("127.0.0.1").withPort(0).withGroup(group, "_" + group).withUsersFile(users))) {
            URI connectors = worker.restUrl().resolve("/connectors");
            assertThat(get(connectors, null).statusCode()).isEqualTo(401);
            assertThat(get(connectors, "admin:a-pw").statusCode()).isEqualTo(200);
        }
    }

    @Test
    @Order(2)
    void theRestApiAsksForCredentialsAndNeverShowsAConnectorsPassword(KafkaCluster kafka, @TempDir Path dir) throws Exception {
        Path users = Files.writeString(dir.resolve("http-users.properties"), "connect: c-pw\nadmin: a-pw\n");
        String group = TestTopics.unique("secure-connect");
        ConnectWorkerSettings settings = ConnectWorkerSettings.defaults(kafka.bootstrapServers()).withHost("127.0.0.1").withPort(0)
                .withGroup(group, "_" + group).withUsersFile(users);
        try (ConnectWorker worker = ConnectWorker.start(settings)) {
            URI connectors = worker.restUrl().resolve("/connectors");
            assertThat(get(connectors, null).statusCode()).isEqualTo(401);
            assertThat(get(connectors, "admin:wrong").statusCode()).isEqualTo(401);
            assertThat(get(connectors, "nobody:a-pw").statusCode()).isEqualTo(401);
            assertThat(get(connectors, "admin:a-pw").statusCode()).isEqualTo(200);

            ConnectorConfig heartbeats = new ConnectorConfig("secret-heartbeats", Map.of(
                    "connector.class", "org.apache.kafka.connect.mirror.MirrorHeartbeatConnector",
                    "source.cluster.alias", "a", "target.cluster.alias", "b",
                    "source.cluster.bootstrap.servers", kafka.bootstrapServers(),
                    "target.cluster.bootstrap.servers", kafka.bootstrapServers(),
                    "heartbeats.topic.replication.factor", "1",
                    "connection.password", SECRET));
            ConnectorConfig stored = ConnectorSecrets.externalize(heartbeats, dir.resolve("secrets"));
            assertThat(stored.config().get("connection.password")).startsWith("${file:").doesNotContain(SECRET);
            new ConnectClient(worker.restUrl(), Optional.of("admin:a-pw")).apply(stored);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> answer = get(connectors.resolve("/connectors/secret-heartbeats"), "admin:a-pw");
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.body()).contains("${file:").doesNotContain(SECRET);
            });
            assertThat(get(connectors.resolve("/connectors/secret-heartbeats/config"), "admin:a-pw").body()).doesNotContain(SECRET);
            // Connect's ?expand=status leaves out a connector until its first status is written: wait for it.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(worker.client().list())
                    .as("the worker's own client signs in as connect")
                    .extracting(ConnectClient.ConnectorStatus::name).containsExactly("secret-heartbeats"));
            assertThat(ConnectorSecrets.resolve(stored.config().get("connection.password"))).as("what the worker reads").isEqualTo(SECRET);
            worker.client().delete("secret-heartbeats");
        }
    }

    private static HttpResponse<String> get(URI uri, String userInfo) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
        if (userInfo != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
