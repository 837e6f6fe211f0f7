package io.meshbone.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.meshbone.platform.contract.ProductNames;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.platform.registry.SchemaRegistryClient;
import io.meshbone.platform.registry.SchemaRegistryClientSettings;
import io.meshbone.platform.serde.JsonToAvro;
import io.meshbone.platform.serde.MeshAvroSerializer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code meshbone produce NAME < records.jsonl}: encodes JSON lines to Avro against the product schema and stages them. */
@Command(name = "produce", mixinStandardHelpOptions = true,
        description = {"Read JSON lines from stdin, encode each to Avro against the product's schema and write it to the "
                + "product's staging topic.",
                "A line that does not match is reported with its number and not sent.",
                "A product whose key has its own Avro schema takes lines of the form {\"key\": {...}, \"value\": {...}}.",
                "Exit code 0 when every line was sent, 1 when any was rejected."})
final class ProduceCommand implements Callable<Integer> {

    private static final int PROGRESS_EVERY = 1000;

    @Spec
    CommandSpec spec;

    @Mixin
    MeshOptions mesh;

    @Parameters(paramLabel = "NAME", description = "Product name, e.g. orders.order-placed.")
    String name;

    @Option(names = {"-f", "--file"}, description = "Read JSON lines from this file instead of stdin.")
    Path file;

    @Override
    public Integer call() throws Exception {
        JsonNode address = mesh.product(name).path("address");
        String staging = address.path("stagingTopic").asText();
        String keyField = address.path("keyField").isTextual() ? address.path("keyField").asText() : null;
        SchemaRegistryClient registry = new SchemaRegistryClient(
                SchemaRegistryClientSettings.of(mesh.registryUrl, mesh.credentialSettings()));
        ProductNames names = ProductNames.ofStagingTopic(staging).orElseThrow(() -> new IllegalStateException(
                "the catalog's stagingTopic for " + name + " is '" + staging + "', expected <domain>.<product>.v<major>.staging"));
        Schema schema = new Schema.Parser().parse(registry.latest(names.stagingValueSubject()).schema());
        JsonNode stagingKeySubject = address.path("subjects").path("stagingKey");
        KeyedLines keyed = stagingKeySubject.isTextual()
                ? new KeyedLines(name, address.path("subjects").path("key").asText(),
                new Schema.Parser().parse(registry.latest(stagingKeySubject.asText()).schema()))
                : null;
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Object> config = new HashMap<>(mesh.clientConfig());
        config.putAll(mesh.credentialSettings()); // basic.auth.* for the serializer's registry lookups
        config.put("schema.registry.url", mesh.registryUrl);
        config.put("auto.register.schemas", false);
        config.put("use.latest.version", true);
        config.put("acks", "all");
        MeshAvroSerializer<GenericRecord> values = new MeshAvroSerializer<>();
        values.configure(config, false);
        MeshAvroSerializer<GenericRecord> keys = new MeshAvroSerializer<>();
        keys.configure(config, true);
        AtomicLong sent = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long rejected = 0;
        long lineNumber = 0;
        try (KafkaProducer<byte[], GenericRecord> producer = new KafkaProducer<>(config, new ByteArraySerializer(), values);
             BufferedReader in = new BufferedReader(new InputStreamReader(file == null ? System.in : Files.newInputStream(file), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                GenericRecord record;
                byte[] key;
                try {
                    JsonNode json = MeshJson.tree(line);
                    if (keyed == null) {
                        record = JsonToAvro.record(json, schema);
                        key = keyField == null ? null : String.valueOf(record.get(keyField)).getBytes(StandardCharsets.UTF_8);
                    } else {
                        record = JsonToAvro.record(keyed.value(json), schema);
                        key = keys.serialize(staging, keyed.key(json));
                    }
                } catch (JsonProcessingException e) {
                    err.printf("line %d: not JSON: %s%n", lineNumber, e.getOriginalMessage());
                    rejected++;
                    continue;
                } catch (IllegalArgumentException | SerializationException e) {
                    err.printf("line %d: %s%n", lineNumber, e.getMessage());
                    rejected++;
                    continue;
                }
                long number = lineNumber;
                producer.send(new ProducerRecord<>(staging, key, record), (metadata, e) -> {
                    if (e == null) {
                        sent.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                        err.printf("line %d: not sent: %s%n", number, e.getMessage());
                    }
                });
                if (lineNumber % PROGRESS_EVERY == 0) {
                    err.printf("… %d lines read%n", lineNumber);
                    err.flush();
                }
            }
            producer.flush();
        }
        out.printf("%d sent to %s, %d rejected, %d failed%n", sent.get(), staging, rejected, failed.get());
        out.flush();
        err.flush();
        return rejected == 0 && failed.get() == 0 ? 0 : 1;
    }
}
