package io.meshbone.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.meshbone.connect.ConnectWorker;
import io.meshbone.connect.ConnectWorkerSettings;
import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.localkafka.testing.TestTopics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code meshbone connect apply} and {@code list} against a real in-process Connect worker. */
@ExtendWith(SharedKafka.class)
class ConnectCommandIT {

    private static ConnectWorker worker;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void start(KafkaCluster kafka) {
        String group = TestTopics.unique("cli-connect");
        worker = ConnectWorker.start(ConnectWorkerSettings.defaults(kafka.bootstrapServers()).withHost("127.0.0.1")
                .withPort(0).withGroup(group, "_" + group));
    }

    @AfterAll
    static void stop() {
        worker.close();
    }

    private int run(String... args) {
        CommandLine command = Meshbone.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void appliesAConnectorFileThenListsItRunningAndUpdatesItOnReapply(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sink.json");
        String topic = TestTopics.unique("cli-sink");
        Files.writeString(file, """
                {"name": "cli-sink", "config": {
                  "connector.class": "io.debezium.connector.jdbc.JdbcSinkConnector",
                  "topics": "%s",
                  "connection.url": "jdbc:postgresql://localhost:5432/meshbone_it",
                  "connection.username": "meshbone", "connection.password": "meshbone",
                  "value.converter": "io.meshbone.connect.MeshAvroConverter",
                  "value.converter.schema.registry.url": "http://localhost:8081"}}""".formatted(topic));
        String url = worker.restUrl().toString();

        assertThat(run("connect", "apply", "-f", file.toString(), "--connect-url", url)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("created connector cli-sink");
        assertThat(run("connect", "apply", "-f", file.toString(), "--connect-url", url,
                "--set", "value.converter.schema.registry.url=http://127.0.0.1:8081")).isZero();
        assertThat(out.toString()).contains("updated connector cli-sink");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            out.getBuffer().setLength(0);
            assertThat(run("connect", "list", "--connect-url", url)).isZero();
            assertThat(out.toString()).containsPattern("cli-sink +sink +RUNNING +RUNNING");
        });
        worker.client().delete("cli-sink");
    }

    @Test
    void movesALiteralPasswordIntoTheSecretsFolderSoConnectShowsOnlyItsPlaceholder(KafkaCluster kafka, @TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("heartbeats.json");
        Files.writeString(file, """
                {"name": "cli-heartbeats", "config": {
                  "connector.class": "org.apache.kafka.connect.mirror.MirrorHeartbeatConnector",
                  "source.cluster.alias": "a", "target.cluster.alias": "b",
                  "source.cluster.bootstrap.servers": "%s", "target.cluster.bootstrap.servers": "%s",
                  "heartbeats.topic.replication.factor": "1"}}""".formatted(kafka.bootstrapServers(), kafka.bootstrapServers()));
        Path secrets = dir.resolve("secrets");

        assertThat(run("connect", "apply", "-f", file.toString(), "--connect-url", worker.restUrl().toString(),
                "--secrets-dir", secrets.toString(), "--set", "connection.password=hunter2")).as(err.toString()).isZero();
        assertThat(worker.client().config("cli-heartbeats")).hasValueSatisfying(config -> assertThat(config.get("connection.password"))
                .isEqualTo("${file:" + secrets.resolve("cli-heartbeats.secrets.properties").toAbsolutePath() + ":connection.password}"));
        assertThat(Files.readString(secrets.resolve("cli-heartbeats.secrets.properties"))).contains("connection.password=hunter2");
        worker.client().delete("cli-heartbeats");
    }

    @Test
    void reportsConnectsRejectionAndExitsOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, """
                {"name": "bad", "config": {"connector.class": "com.example.NoSuchConnector", "topics": "x"}}""");

        assertThat(run("connect", "apply", "-f", file.toString(), "--connect-url", worker.restUrl().toString())).isEqualTo(1);
        assertThat(err.toString()).contains("error:").contains("NoSuchConnector");
    }

    @Test
    void saysSoWhenConnectIsNotReachable() {
        assertThat(run("connect", "list", "--connect-url", "http://127.0.0.1:9")).isEqualTo(1);
        assertThat(err.toString()).contains("not reachable");
    }

    @Test
    void reportsAFileThatIsNotAConnectorConfig(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "[1, 2]");

        assertThat(run("connect", "apply", "-f", file.toString(), "--connect-url", worker.restUrl().toString())).isEqualTo(1);
        assertThat(err.toString()).contains("broken.json").contains("expected a JSON object");
    }
}
