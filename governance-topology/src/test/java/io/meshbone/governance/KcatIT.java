package io.meshbone.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.localkafka.testing.TestTopics;
import io.meshbone.platform.contract.ProductNames;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.platform.lineage.LineageHeaders;
import io.meshbone.platform.registry.SchemaRegistryClient;
import io.meshbone.platform.registry.SchemaRegistryClientSettings;
import io.meshbone.platform.serde.AvroJson;
import io.meshbone.platform.serde.MeshAvroDeserializer;
import io.meshbone.platform.serde.MeshAvroSerializer;
import io.meshbone.registry.SchemaRegistryServer;
import io.meshbone.registry.SchemaRegistrySettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data plane as librdkafka's kcat sees it: records kcat stages reach the gzip product topic with the README's
 * lineage headers, or the DLQ with the reason, and kcat reads both back (read_committed, its default).
 */
@EnabledIf(value = "io.meshbone.governance.Kcat#installed", disabledReason = Kcat.MISSING)
@ExtendWith(SharedKafka.class)
class KcatIT {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final int KCAT_SECONDS = 30;
    private static final Duration GATED_WITHIN = Duration.ofSeconds(60);

    private static KafkaCluster kafka;
    private static SchemaRegistryServer registry;
    private static Governance governance;
    private static Kcat kcat;
    private static ProductNames names;
    private static int partitions;

    @BeforeAll
    static void startMesh(KafkaCluster cluster, @TempDir Path dir) throws Exception {
        kcat = Kcat.onPath(dir);
        kafka = cluster;
        registry = SchemaRegistryServer.start(SchemaRegistrySettings.defaults(kafka.bootstrapServers()).withPort(0));
        governance = Governance.start(new GovernanceSettings(kafka.clientConfig(), registry.url().toString(), dir.resolve("state"),
                new SimpleMeterRegistry(), Duration.ofSeconds(30)));
        await().atMost(Duration.ofSeconds(120)).until(governance::running);
        names = GateFixtures.listPayments(kafka.clientConfig(), dir, "kcat" + TestTopics.letters(6));
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            // kcat's producer fails on a topic the broker does not know: wait for the provisioner.
            await().atMost(GATED_WITHIN).until(() -> admin.listTopics().names().get()
                    .containsAll(List.of(names.topic(), names.stagingTopic(), names.dlqTopic())));
            partitions = admin.describeTopics(List.of(names.topic())).allTopicNames().get().get(names.topic()).partitions().size();
        }
    }

    @AfterAll
    static void stopMesh() {
        if (governance != null) {
            governance.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void kcatMetadataListsTheProductItsStagingAndItsDeadLetterTopics() throws Exception {
        String metadata = kcat.text(KCAT_SECONDS, "-L", "-b", kafka.bootstrapServers());

        for (String topic : List.of(names.topic(), names.stagingTopic(), names.dlqTopic())) {
            assertThat(metadata).contains("topic \"" + topic + "\" with " + partitions + " partitions:");
        }
    }

    @Test
    void aFramedRecordKcatStagesReachesTheGzipProductTopicWithLineageHeadersKcatReads(@TempDir Path dir) throws Exception {
        String orderId = "kcat-" + UUID.randomUUID();
        GenericRecord payment = GateFixtures.payment(orderId, "12.50", "EUR");
        Path file = dir.resolve("payment.avro");
        Files.write(file, serialize(names.stagingTopic(), payment));
        Instant staged = Instant.now();

        // A forged mesh.product too: the gate must replace it, whoever the producer is.
        kcat.run(KCAT_SECONDS, "-P", "-b", kafka.bootstrapServers(), "-t", names.stagingTopic(), "-k", orderId,
                "-H", "traceparent=" + TRACEPARENT, "-H", "mesh.product=forged.product", file.toString());
        List<Printed> printed = await().atMost(GATED_WITHIN).pollInterval(Duration.ofMillis(500)).until(() -> Printed.parse(
                kcat.run(KCAT_SECONDS, "-C", "-b", kafka.bootstrapServers(), "-t", names.topic(), "-o", "beginning", "-e", "-q",
                        "-f", "partition=%p key=%k bytes=%S headers=%h\\n%s\\n")), records -> !records.isEmpty());

        assertThat(printed).hasSize(1);
        Printed read = printed.get(0);
        assertThat(read.field("key")).isEqualTo(orderId);
        // kcat staged it by librdkafka's CRC32 of the key; the gate writes it where Java clients would (murmur2).
        assertThat(read.field("partition")).isEqualTo(String.valueOf(
                Utils.toPositive(Utils.murmur2(orderId.getBytes(StandardCharsets.UTF_8))) % partitions));
        int schemaId = new SchemaRegistryClient(SchemaRegistryClientSettings.of(registry.url().toString())).latest(names.valueSubject()).id();
        assertThat(read.headers()).containsExactly(
                List.of(LineageHeaders.TRACEPARENT, TRACEPARENT),
                List.of(LineageHeaders.SOURCE, read.header(LineageHeaders.SOURCE)),
                List.of(LineageHeaders.PRODUCT, names.productName()),
                List.of(LineageHeaders.DOMAIN, names.domain()),
                List.of(LineageHeaders.SCHEMA_ID, String.valueOf(schemaId)),
                List.of(LineageHeaders.GATE_TIMESTAMP, read.header(LineageHeaders.GATE_TIMESTAMP)));
        assertThat(read.header(LineageHeaders.SOURCE)).matches(Pattern.quote(names.stagingTopic()) + "/\\d+/\\d+");
        assertThat(Instant.parse(read.header(LineageHeaders.GATE_TIMESTAMP))).isBetween(staged.minusSeconds(1), Instant.now());
        assertThat(read.value()).as("the body, unchanged").isEqualTo(Files.readAllBytes(file));
        assertThat(ByteBuffer.wrap(read.value(), 1, 4).getInt()).as("the id the serializer found under the staging subject")
                .isEqualTo(schemaId);
        JsonNode decoded = AvroJson.toJson(deserialize(names.topic(), read.value()), payment.getSchema(), false);
        assertThat(decoded.path("paymentId").asText()).isEqualTo(orderId);
        assertThat(decoded.path("amount").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(decoded.path("currency").asText()).isEqualTo("EUR");
        assertThat(productTopicConfig("compression.type")).isEqualTo("gzip");
        assertThat(productTopicConfig("compression.gzip.level")).isEqualTo("1");
    }

    @Test
    void unframedAndNullRecordsKcatStagesReachTheDeadLetterTopicWithTheirReasons(@TempDir Path dir) throws Exception {
        String tiny = "tiny-" + UUID.randomUUID();
        String json = "json-" + UUID.randomUUID();
        String tombstone = "null-" + UUID.randomUUID();
        Path file = dir.resolve("unframed.txt");
        // key|value a line, what a kcat user types when they forget the Confluent frame; -Z sends the empty one as null.
        Files.writeString(file, tiny + "|oops\n" + json + "|{\"paymentId\": \"" + json + "\", \"amount\": 1}\n" + tombstone + "|");

        kcat.run(KCAT_SECONDS, "-P", "-b", kafka.bootstrapServers(), "-t", names.stagingTopic(), "-K", "|", "-Z", "-l",
                "-H", "traceparent=" + TRACEPARENT, file.toString());
        // -J: a reason holds commas, which kcat's %h (name=value, comma-separated) would run together.
        List<JsonNode> dead = await().atMost(GATED_WITHIN).pollInterval(Duration.ofMillis(500)).until(() ->
                kcat.text(KCAT_SECONDS, "-C", "-b", kafka.bootstrapServers(), "-t", names.dlqTopic(), "-o", "beginning", "-e", "-q", "-J")
                        .lines().map(KcatIT::json).toList(), records -> records.size() >= 3);

        assertThat(dead).hasSize(3);
        JsonNode notFramed = deadLetter(dead, tiny);
        assertThat(notFramed.path("payload").asText()).isEqualTo("oops");
        assertThat(headers(notFramed)).containsEntry(LineageHeaders.ERROR_CODE, "NOT_FRAMED")
                .containsEntry(LineageHeaders.ERROR_REASON,
                        "the value has 4 bytes; expected Confluent's frame: magic byte 0, a 4-byte schema id, then Avro")
                .containsEntry(LineageHeaders.TRACEPARENT, TRACEPARENT)
                .hasEntrySatisfying(LineageHeaders.SOURCE, source -> assertThat(source).startsWith(names.stagingTopic() + "/"))
                .doesNotContainKeys(LineageHeaders.PRODUCT, LineageHeaders.GATE_TIMESTAMP);
        assertThat(headers(deadLetter(dead, json))).containsEntry(LineageHeaders.ERROR_CODE, "BAD_MAGIC_BYTE")
                .containsEntry(LineageHeaders.ERROR_REASON, "the value starts with byte 123; expected Confluent's magic byte 0");
        JsonNode nullValue = deadLetter(dead, tombstone);
        assertThat(nullValue.path("payload").isNull()).as("a null payload: %s", nullValue).isTrue();
        assertThat(headers(nullValue)).containsEntry(LineageHeaders.ERROR_CODE, "NULL_VALUE")
                .containsKey(LineageHeaders.ERROR_REASON);
    }

    private static JsonNode deadLetter(List<JsonNode> dead, String key) {
        return dead.stream().filter(r -> r.path("key").asText().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no dead letter keyed " + key + " in " + dead));
    }

    private static byte[] serialize(String topic, GenericRecord record) {
        try (MeshAvroSerializer<GenericRecord> serializer = new MeshAvroSerializer<>()) {
            serializer.configure(Map.of("schema.registry.url", registry.url().toString(),
                    "auto.register.schemas", false, "use.latest.version", true), false);
            return serializer.serialize(topic, record);
        }
    }

    private static GenericRecord deserialize(String topic, byte[] bytes) {
        try (MeshAvroDeserializer<GenericRecord> deserializer = new MeshAvroDeserializer<>()) {
            deserializer.configure(Map.of("schema.registry.url", registry.url().toString()), false);
            return deserializer.deserialize(topic, bytes);
        }
    }

    private static String productTopicConfig(String name) throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, names.topic());
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
            return config.get(name).value();
        }
    }

    private static JsonNode json(String line) {
        try {
            return MeshJson.tree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("kcat -J printed a line that is not JSON: " + line, e);
        }
    }

    /** The headers of kcat's {@code -J} envelope ({@code ["name", "value", …]}), by name. */
    private static Map<String, String> headers(JsonNode record) {
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode flat = record.path("headers");
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            headers.put(flat.get(i).asText(), flat.get(i + 1).asText());
        }
        return headers;
    }

    /**
     * A record as kcat printed it with {@code -f 'partition=%p key=%k bytes=%S headers=%h\n%s\n'}: a line of fields,
     * then the value's bytes as they are.
     */
    private record Printed(Map<String, String> fields, List<List<String>> headers, byte[] value) {

        static List<Printed> parse(byte[] output) {
            List<Printed> records = new ArrayList<>();
            int at = 0;
            while (at < output.length) {
                int newline = indexOf(output, (byte) '\n', at);
                String line = new String(output, at, newline - at, StandardCharsets.UTF_8);
                Map<String, String> fields = new LinkedHashMap<>();
                for (String field : line.split(" ", 4)) {
                    fields.put(field.substring(0, field.indexOf('=')), field.substring(field.indexOf('=') + 1));
                }
                int length = Integer.parseInt(fields.get("bytes"));
                // %h is name=value pairs joined by commas; none of the values this test reads holds a comma.
                List<List<String>> headers = fields.get("headers").isEmpty() ? List.of() : Arrays.stream(fields.get("headers").split(","))
                        .map(pair -> List.of(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1))).toList();
                records.add(new Printed(fields, headers, Arrays.copyOfRange(output, newline + 1, newline + 1 + length)));
                at = newline + 1 + length + 1;
            }
            return records;
        }

        private static int indexOf(byte[] bytes, byte wanted, int from) {
            for (int i = from; i < bytes.length; i++) {
                if (bytes[i] == wanted) {
                    return i;
                }
            }
            throw new IllegalArgumentException("kcat printed no line end after byte " + from);
        }

        String field(String name) {
            return fields.get(name);
        }

        /** The one header of that name; fails when there is none or more than one. */
        String header(String name) {
            List<String> values = headers.stream().filter(h -> h.get(0).equals(name)).map(h -> h.get(1)).toList();
            assertThat(values).as("headers named %s in %s", name, headers).hasSize(1);
            return values.get(0);
        }
    }
}
