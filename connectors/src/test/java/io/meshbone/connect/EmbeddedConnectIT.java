package io.meshbone.connect;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.localkafka.testing.TestTopics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The worker {@code meshbone up} runs: with the dashboard sink when PostgreSQL answers, without it when not. */
@ExtendWith(SharedKafka.class)
class EmbeddedConnectIT {

    @Test
    void appliesTheBundledDashboardSinkWhenPostgresAnswers(KafkaCluster kafka) {
        try (EmbeddedConnect connect = EmbeddedConnect.start(settings(kafka), URI.create("http://127.0.0.1:8081"),
                TestPostgres.sinkConnection())) {
            assertThat(connect.sinkSkipped()).isEmpty();
            // The config is stored when apply returns; the status listing follows once the connector starts.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(connect.worker().client().list())
                    .extracting(ConnectClient.ConnectorStatus::name).containsExactly("dashboard-sink"));
            connect.worker().client().delete("dashboard-sink");
        }
    }

    @Test
    void keepsADashboardSinkAppliedAgainstAnotherDatabaseWhenItStartsAgain(KafkaCluster kafka) {
        ConnectWorkerSettings settings = settings(kafka);
        String userUrl = "jdbc:postgresql://127.0.0.1:9/meshbone";
        try (ConnectWorker earlier = ConnectWorker.start(settings)) {
            earlier.client().apply(ConnectorConfig.bundled(EmbeddedConnect.DASHBOARD_SINK).with(Map.of("connection.url",
                    userUrl, "connection.password", "unused", "value.converter.schema.registry.url", "http://127.0.0.1:8081")));
        }
        // PostgreSQL answers at the bundled sink's database here, so only the stored connector keeps it from applying.
        try (EmbeddedConnect connect = EmbeddedConnect.start(settings, URI.create("http://127.0.0.1:8081"),
                TestPostgres.sinkConnection())) {
            assertThat(connect.sinkSkipped()).isEmpty();
            assertThat(connect.worker().client().config("dashboard-sink"))
                    .hasValueSatisfying(config -> assertThat(config).containsEntry("connection.url", userUrl));
        }
    }

    @Test
    void runsWithoutTheSinkAndSaysWhyWhenPostgresIsNotReachable(KafkaCluster kafka) {
        try (EmbeddedConnect connect = EmbeddedConnect.start(settings(kafka), URI.create("http://127.0.0.1:8081"),
                Map.of("connection.url", "jdbc:postgresql://127.0.0.1:9/meshbone"))) {
            assertThat(connect.sinkSkipped()).hasValueSatisfying(reason -> assertThat(reason)
                    .contains("jdbc:postgresql://127.0.0.1:9/meshbone").contains("not reachable"));
            assertThat(connect.worker().client().list()).isEmpty();
        }
    }

    @Test
    void removesItsSecretsFolderWithThePasswordsWhenItCloses(KafkaCluster kafka) {
        Path secrets;
        try (EmbeddedConnect connect = EmbeddedConnect.start(settings(kafka), URI.create("http://127.0.0.1:8081"),
                Map.of("connection.url", "jdbc:postgresql://127.0.0.1:9/meshbone", "connection.password", "literal"))) {
            secrets = connect.secretsFolder();
            assertThat(secrets.resolve("dashboard-db.properties")).exists();
            assertThat(secrets.resolve("dashboard-sink.secrets.properties")).content().contains("literal");
        }
        assertThat(secrets).doesNotExist();
    }

    private static ConnectWorkerSettings settings(KafkaCluster kafka) {
        String group = TestTopics.unique("embedded-connect");
        return ConnectWorkerSettings.defaults(kafka.bootstrapServers()).withHost("127.0.0.1").withPort(0)
                .withGroup(group, "_" + group);
    }
}
