package io.meshbone.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshbone.cli.internal.ExampleContracts;
import io.meshbone.domains.raw.RawTopics;
import io.meshbone.platform.control.ContractClient;
import io.meshbone.platform.control.Decision;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged {@code meshbone.jar}'s {@code serve} parts as child processes, one part each, against a Kafka
 * cluster of their own (itself {@code serve kafka}), so only these processes can move records through the gate: the
 * demo fills the raw topics, the domain app refines them, the gate lets them through; Connect's REST lists our
 * converter and SMT; every part stops on SIGTERM with exit code 0.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServeCommandIT {

    private static final String PRODUCT = "orders.order-placed";

    private ServeChildren children;
    /** The registry told to reach a cluster nobody runs, started before the tests and checked by the second one. */
    private ServeChildren unreachableChildren;
    private ServeChild unreachable;
    /** Milliseconds from its start to its exit, once it exited. */
    private CompletableFuture<Long> unreachableGaveUp;

    /**
     * The unreachable registry asks for 10 s before it gives up: started before the tests, that wait runs beside the
     * first test's, which waits about a minute for the demo's history anyway.
     */
    @BeforeAll
    void startARegistryForAClusterNobodyRuns(@TempDir Path dir) throws Exception {
        long started = System.nanoTime();
        unreachableChildren = new ServeChildren(dir);
        unreachable = unreachableChildren.start("registry", "serve", "registry", "--bootstrap-server", "127.0.0.1:1",
                "--port", "0", "--management-port", "0");
        unreachableGaveUp = unreachable.process.onExit().thenApply(exited -> (System.nanoTime() - started) / 1_000_000);
    }

    @AfterAll
    void killTheUnreachableRegistry() throws InterruptedException {
        if (unreachableChildren != null) {
            unreachableChildren.close();
        }
    }

    @AfterEach
    void killLeftovers() throws InterruptedException {
        if (children != null) {
            children.close();
        }
    }

    @Test
    @Order(1)
    void partsRunAsProcessesOfTheirOwnAndStopCleanlyOnSigterm(@TempDir Path dir) throws Exception {
        assertThat(ServeChildren.JAR).as("the shaded jar, built in the package phase").exists();
        children = new ServeChildren(dir);
        ServeChild kafka = children.start("kafka", "serve", "kafka", "--port", "0");
        String bootstrap = kafka.awaitValue("bootstrap.servers=", Duration.ofSeconds(120));

        // One after another: JVMs starting side by side on a busy 2-core machine can miss the 10 s reachability window.
        ServeChild registry = children.startAndAwaitUp("registry", "serve", "registry", "--bootstrap-server", bootstrap, "--port", "0",
                "--management-port", "0");
        String registryUrl = registry.awaitValue("schema.registry.url=", Duration.ofSeconds(10));
        // The demo right after the registry: of the example domain apps only orders-refinement runs here, so its
        // history waits its 60 s for the others before the raw topics fill, and that wait runs while the rest starts.
        ServeChild demo = children.startAndAwaitUp("demo", "serve", "demo", "--bootstrap-server", bootstrap,
                "--registry-url", registryUrl, "--rate", "20", "--management-port", "0");
        List<ServeChild> parts = new ArrayList<>(List.of(registry, demo));
        for (String instance : List.of("governance-1", "governance-2")) {
            parts.add(children.startAndAwaitUp(instance, "serve", "governance", "--bootstrap-server", bootstrap, "--registry-url", registryUrl,
                    "--management-port", "0", "--data-dir", dir.resolve(instance).toString()));
        }
        ServeChild catalog = children.startAndAwaitUp("catalog", "serve", "catalog", "--bootstrap-server", bootstrap, "--registry-url", registryUrl,
                "--port", "0", "--management-port", "0");
        parts.add(catalog);
        // The domain app starts on its own once the contracts below list its product.
        parts.add(children.startAndAwaitUp("domains", "serve", "domains", "orders-refinement", "--bootstrap-server", bootstrap,
                "--registry-url", registryUrl, "--management-port", "0"));
        ServeChild connect = children.startAndAwaitUp("connect", "serve", "connect", "--bootstrap-server", bootstrap,
                "--registry-url", registryUrl, "--port", "0", "--management-port", "0");
        parts.add(connect);

        URI connectUrl = URI.create(connect.awaitValue("connect.url=", Duration.ofSeconds(10)).replaceAll("/$", ""));
        Http.Answer plugins = Http.get(connectUrl, "/connector-plugins?connectorsOnly=false");
        assertThat(plugins.status()).isEqualTo(200);
        List<String> classes = new ArrayList<>();
        for (JsonNode plugin : plugins.json()) {
            classes.add(plugin.path("class").asText() + " " + plugin.path("type").asText());
        }
        assertThat(classes).contains("io.meshbone.connect.MeshAvroConverter converter",
                "io.meshbone.connect.transforms.InsertLineageHeaders transformation");

        // The contract gate runs only in the governance processes: every decision comes from them.
        try (ContractClient contracts = new ContractClient(Map.of("bootstrap.servers", bootstrap))) {
            for (ExampleContracts.Example example : ExampleContracts.load("User:serve-it")) {
                Decision decision = contracts.apply(example.request(), Duration.ofSeconds(120));
                assertThat(decision.accepted()).as("%s: %s", example.product().name(), decision.reasons()).isTrue();
            }
        }

        assertThat(awaitRawRecords(bootstrap, parts)).isPositive();
        // Raw checkout (the demo's process) → domain app (its process) → staging → record gate (its processes) → product topic.
        assertThat(awaitGatedRecord(bootstrap, PRODUCT + ".v1", parts)).isEqualTo(PRODUCT);

        for (ServeChild part : parts) {
            URI management = URI.create(part.awaitValue("management.url=", Duration.ofSeconds(60)));
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(Http.get(management, "/health/ready").status())
                    .as("%s ready: %s", part.name, Http.get(management, "/health/ready").body()).isEqualTo(200));
            Http.Answer metrics = Http.get(management, "/metrics");
            assertThat(metrics.contentType()).startsWith("text/plain");
            assertThat(metrics.body()).as(part.name).contains("# TYPE jvm_memory_used_bytes gauge");
            assertThat(Http.get(management, "/health/live").status()).isEqualTo(200);
        }
        URI catalogUrl = URI.create(catalog.awaitValue("catalog.url=", Duration.ofSeconds(10)));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(Http.get(catalogUrl, "/api/products/" + PRODUCT).status()).isEqualTo(200));

        parts.forEach(part -> part.signalled = System.nanoTime());
        parts.forEach(part -> part.process.destroy()); // SIGTERM on POSIX
        for (ServeChild part : parts) {
            // A Connect worker leaves its group and stops its herder and connectors first: it gets 30 s.
            int within = part == connect ? 30 : 15;
            assertThat(part.process.waitFor(within, TimeUnit.SECONDS)).as("%s exited after SIGTERM", part.name).isTrue();
            assertThat(part.process.exitValue()).as("%s exit code; output:%n%s", part.name, part.output()).isZero();
            assertThat(part.output()).contains("meshbone serve " + part.name.replaceAll("-\\d$", "") + " stopped.");
            System.out.printf("meshbone serve %s stopped %d ms after SIGTERM%n", part.name,
                    (System.nanoTime() - part.signalled) / 1_000_000);
        }
        kafka.process.destroy();
        assertThat(kafka.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(kafka.process.exitValue()).isZero();
    }

    @Test
    @Order(2)
    void anUnreachableClusterEndsTheProcessWithOneLine() throws Exception {
        ServeChild registry = unreachable;

        // 10 s of asking plus the JVM's start, which takes seconds on a loaded machine.
        assertThat(registry.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        long gaveUpMs = unreachableGaveUp.get();
        System.out.printf("meshbone serve registry gave up after %d ms%n", gaveUpMs);
        assertThat(gaveUpMs).as("ms from its start to its exit").isLessThan(60_000);
        assertThat(registry.process.exitValue()).isEqualTo(1);
        assertThat(registry.output().lines().filter(line -> line.startsWith("meshbone serve registry:")).toList())
                .containsExactly("meshbone serve registry: cannot reach Kafka at 127.0.0.1:1 within 10s (bootstrap.servers)");
    }

    private static int awaitRawRecords(String bootstrap, List<ServeChild> parts) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.GROUP_ID_CONFIG, "serve-it-raw");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(RawTopics.CHECKOUT.name(), RawTopics.PAYMENTS.name()));
            return await().atMost(Duration.ofSeconds(180)).until(() -> {
                for (ServeChild part : parts) {
                    part.requireAlive();
                }
                return consumer.poll(Duration.ofMillis(500)).count();
            }, count -> count > 0);
        }
    }

    private static String awaitGatedRecord(String bootstrap, String topic, List<ServeChild> parts) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.GROUP_ID_CONFIG, "serve-it");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            return await().atMost(Duration.ofSeconds(180)).until(() -> {
                for (ServeChild part : parts) {
                    part.requireAlive();
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Header product = record.headers().lastHeader("mesh.product");
                    if (product != null) {
                        return new String(product.value(), StandardCharsets.UTF_8);
                    }
                }
                return null;
            }, value -> value != null);
        }
    }

}
