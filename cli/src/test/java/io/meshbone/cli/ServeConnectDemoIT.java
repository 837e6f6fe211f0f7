package io.meshbone.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshbone.domains.raw.RawTopics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code serve connect} and {@code serve demo} from the packaged jar as child processes against a cluster and
 * registry of their own (also {@code serve} processes): Connect's REST lists our converter and SMT, the demo fills the
 * raw topics, and both stop on SIGTERM with exit code 0.
 */
class ServeConnectDemoIT {

    private ServeChildren children;

    @AfterEach
    void killLeftovers() throws InterruptedException {
        if (children != null) {
            children.close();
        }
    }

    @Test
    void connectListsOurPluginAndDemoFillsTheRawTopicsThenBothStopOnSigterm(@TempDir Path dir) throws Exception {
        assertThat(ServeChildren.JAR).as("the shaded jar, built in the package phase").exists();
        children = new ServeChildren(dir);
        ServeChild kafka = children.start("kafka", "serve", "kafka", "--port", "0");
        String bootstrap = kafka.awaitValue("bootstrap.servers=", Duration.ofSeconds(120));
        ServeChild registry = children.startAndAwaitUp("registry", "serve", "registry", "--bootstrap-server", bootstrap, "--port", "0",
                "--management-port", "0");
        String registryUrl = registry.awaitValue("schema.registry.url=", Duration.ofSeconds(10));
        ServeChild connect = children.startAndAwaitUp("connect", "serve", "connect", "--bootstrap-server", bootstrap,
                "--registry-url", registryUrl, "--port", "0", "--management-port", "0");
        ServeChild demo = children.startAndAwaitUp("demo", "serve", "demo", "--bootstrap-server", bootstrap,
                "--registry-url", registryUrl, "--rate", "20", "--management-port", "0");

        URI connectUrl = URI.create(connect.awaitValue("connect.url=", Duration.ofSeconds(10)).replaceAll("/$", ""));
        Http.Answer plugins = Http.get(connectUrl, "/connector-plugins?connectorsOnly=false");
        assertThat(plugins.status()).isEqualTo(200);
        List<String> classes = new ArrayList<>();
        for (JsonNode plugin : plugins.json()) {
            classes.add(plugin.path("class").asText() + " " + plugin.path("type").asText());
        }
        assertThat(classes).contains("io.meshbone.connect.MeshAvroConverter converter",
                "io.meshbone.connect.transforms.InsertLineageHeaders transformation");

        // No domain apps run here, so the demo's history waits its 60 s for them, then the raw topics fill.
        assertThat(awaitRawRecords(bootstrap, List.of(demo, connect))).isPositive();

        for (ServeChild part : List.of(connect, demo)) {
            URI management = URI.create(part.awaitValue("management.url=", Duration.ofSeconds(10)));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(Http.get(management, "/health/ready").status())
                    .as("%s ready", part.name).isEqualTo(200));
        }
        for (ServeChild part : List.of(demo, connect, registry)) {
            part.process.destroy(); // SIGTERM on POSIX
            assertThat(part.process.waitFor(30, TimeUnit.SECONDS)).as("%s exited after SIGTERM", part.name).isTrue();
            assertThat(part.process.exitValue()).as("%s exit code; output:%n%s", part.name, part.output()).isZero();
            assertThat(part.output()).contains("meshbone serve " + part.name + " stopped.");
        }
        kafka.process.destroy();
        assertThat(kafka.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(kafka.process.exitValue()).isZero();
    }

    private static int awaitRawRecords(String bootstrap, List<ServeChild> parts) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.GROUP_ID_CONFIG, "serve-connect-demo-it");
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
}
