package io.meshbone.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.meshbone.platform.control.MeshTopics;
import io.meshbone.platform.security.CredentialStore;
import io.meshbone.platform.security.MeshCredentials;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code meshbone up --secure} as a user runs it: every part as its own principal, the example flow producing
 * product records, denials for clients without credentials or ACLs, a clean error for a wrong password, and no
 * generated password anywhere in the captured output and logs.
 */
class UpSecureIT {

    private static final Path JAR = MeshboneJar.JAR;
    private static final Duration START = Duration.ofMinutes(5);

    @Test
    void secureUpRunsTheExampleFlowAndKeepsItsSecrets(@TempDir Path dir) throws Exception {
        assertThat(JAR).as("the shaded jar, built in the package phase").exists();
        Path dataDir = dir.resolve("data");
        Path log = dir.resolve("up.log");
        Process up = new ProcessBuilder(MeshboneJar.command(List.of(MeshboneJar.QUICK_JIT, "-Dlogback.configurationFile=" + configLogging(dir)),
                "up", "--secure", "--port", "0", "--registry-port", "0", "--catalog-port", "0", "--connect-port", "0",
                "--data-dir", dataDir.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        List<String> cliOutput = new ArrayList<>();
        List<CliRun> cliRuns = new ArrayList<>();
        try {
            String bootstrap = await().atMost(START).until(() -> line(log, "bootstrap.servers="), l -> l != null)
                    .substring("bootstrap.servers=".length());
            Path credentials = dataDir.resolve("credentials").toAbsolutePath();
            assertThat(Files.readAllLines(log)).contains("credentials: " + credentials);
            CredentialStore store = CredentialStore.in(dataDir);
            assertThat(store.all()).extracting(MeshCredentials::name).contains("admin", "registry", "gate", "provisioner",
                    "catalog", "connect", "demo", "app-orders", "app-payments", "app-customers", "app-shipping",
                    "team-orders", "team-payments", "team-customers", "team-shipping");

            // The demo's raw events pass the domain apps (User:app-*) and the gate (User:gate) onto the product topic.
            Map<String, Object> admin = config(bootstrap, store.ensure("admin"));
            await().atMost(Duration.ofMinutes(3)).untilAsserted(() ->
                    assertThat(countRecords(admin, "orders.order-placed.v1")).isPositive());

            // The CLI runs are JVMs of their own: they start side by side while this JVM checks the denials below.
            String catalogUrl = line(log, "catalog.url=").substring("catalog.url=".length());
            String registryUrl = line(log, "schema.registry.url=").substring("schema.registry.url=".length());
            // The README's secure tail: the product's address comes from the catalog, signed in as the credentials' principal.
            CliRun signedIn = CliRun.start(cliRuns, dir.resolve("signed-in-tail.out"), null, "tail", "orders.order-placed",
                    "--catalog-url", catalogUrl, "--credentials", store.file("team-orders").toString(), "--from-beginning", "-n", "1");
            // The README's produce with the owner's credentials: the serializer's registry lookups sign in too.
            CliRun produce = CliRun.start(cliRuns, dir.resolve("produce.out"),
                    "{\"paymentId\":\"p-it\",\"orderId\":\"o-it\",\"amount\":12.50,\"currency\":\"EUR\","
                            + "\"method\":\"CARD\",\"settledAt\":1796189716891}\n",
                    "produce", "payments.payment-settled", "--catalog-url", catalogUrl, "--registry-url", registryUrl,
                    "--bootstrap-server", bootstrap, "--credentials", store.file("team-payments").toString());
            // A wrong password: one clear line from the CLI, no stack trace, no password.
            Path wrong = dir.resolve("wrong.properties");
            Files.writeString(wrong, Files.readString(store.file("team-orders"))
                    .replace(store.ensure("team-orders").password(), "not-the-password"));
            CliRun tail = CliRun.start(cliRuns, dir.resolve("wrong-password-tail.out"), null, "tail", "orders.order-placed",
                    "--bootstrap-server", bootstrap, "--credentials", wrong.toString(), "--from-beginning", "-n", "1");

            // A team has no ACL on the listings: only the gate writes them.
            try (KafkaProducer<String, String> team = producer(config(bootstrap, store.ensure("team-orders")))) {
                assertThatThrownBy(() -> team.send(new ProducerRecord<>(MeshTopics.PRODUCTS, "orders.forged", "{}")).get())
                        .hasCauseInstanceOf(TopicAuthorizationException.class);
            }

            // A client without SASL never gets past the handshake.
            try (Admin plaintext = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000))) {
                assertThatThrownBy(() -> plaintext.listTopics().names().get())
                        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TimeoutException.class);
            }

            String signedInOutput = signedIn.awaitOutput();
            cliOutput.add(signedInOutput);
            assertThat(signedIn.process().exitValue()).as(signedInOutput).isZero();
            assertThat(signedInOutput.lines().filter(l -> l.startsWith("{\"key\":")).toList()).as(signedInOutput)
                    .singleElement().asString().contains("\"orderId\"");

            String produceOutput = produce.awaitOutput();
            cliOutput.add(produceOutput);
            assertThat(produce.process().exitValue()).as(produceOutput).isZero();
            assertThat(produceOutput).contains("1 sent to payments.payment-settled.v1.staging, 0 rejected, 0 failed");

            String tailOutput = tail.awaitOutput();
            cliOutput.add(tailOutput);
            assertThat(tail.process().exitValue()).as(tailOutput).isEqualTo(1);
            assertThat(tailOutput.lines().filter(l -> l.startsWith("meshbone: ")).toList()).as(tailOutput)
                    .singleElement().asString().contains("refused the credentials").contains("SCRAM-SHA-512");
            assertThat(tailOutput).doesNotContain("\tat ");
            assertThat(tailOutput).as("the Kafka client's own report of the refusal").doesNotContain("ERROR", "WARN");

            up.destroy();
            assertThat(up.waitFor(30, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
            assertThat(Files.readAllLines(log)).contains("Meshbone stopped.");

            String everything = Files.readString(log) + String.join("\n", cliOutput);
            for (MeshCredentials principal : store.all()) {
                assertThat(everything).as("log mentions the password of %s", principal.name())
                        .doesNotContain(principal.password());
            }
        } finally {
            cliRuns.forEach(run -> run.process().destroyForcibly());
            up.destroyForcibly();
        }
    }

    /** Logging as shipped, plus every Kafka client's and our serde's config dump, where a secret would show. */
    private static Path configLogging(Path dir) throws IOException {
        Path file = dir.resolve("logback-capture.xml");
        Files.writeString(file, """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{32} %msg%n</pattern></encoder>
                  </appender>
                  <logger name="org.apache.kafka.common.config" level="INFO"/>
                  <logger name="org.apache.kafka.connect.runtime" level="INFO"/>
                  <logger name="io.meshbone" level="INFO"/>
                  <logger name="io.meshbone.platform.serde" level="DEBUG"/>
                  <root level="WARN"><appender-ref ref="OUT"/></root>
                </configuration>
                """);
        return file;
    }

    private static long countRecords(Map<String, Object> admin, String topic) {
        Map<String, Object> config = new HashMap<>(admin);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static Map<String, Object> config(String bootstrap, MeshCredentials credentials) {
        Map<String, Object> config = new HashMap<>(credentials.kafkaClientConfig());
        config.put("bootstrap.servers", bootstrap);
        return config;
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> config) {
        Map<String, Object> producer = new HashMap<>(config);
        producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        return new KafkaProducer<>(producer, new StringSerializer(), new StringSerializer());
    }

    private static String line(Path log, String prefix) throws IOException {
        return Files.readAllLines(log).stream().filter(l -> l.startsWith(prefix)).findFirst().orElse(null);
    }

    /** A CLI run of the jar writing to a file: runs side by side, where a pipe nobody reads yet could fill and stall it. */
    private record CliRun(Process process, Path output) {

        static CliRun start(List<CliRun> started, Path output, String input, String... args) throws IOException {
            Process process = new ProcessBuilder(MeshboneJar.quick(args)).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            CliRun run = new CliRun(process, output);
            started.add(run);
            if (input != null) {
                try (var stdin = process.getOutputStream()) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            return run;
        }

        String awaitOutput() throws Exception {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s exited", output.getFileName()).isTrue();
            return Files.readString(output);
        }
    }
}
