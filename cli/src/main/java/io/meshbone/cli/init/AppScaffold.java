package io.meshbone.cli.init;

import java.util.Optional;

/**
 * A Kafka Streams app skeleton on the mesh DSL that publishes a new product from an input product, and its
 * {@code TopologyTestDriver} test on a {@code mock://} registry: sources the team edits from there.
 *
 * @param product      the product it publishes, {@code <domain>.<name>}
 * @param input        the product it reads
 * @param packageName  the Java package of both classes
 * @param keyField     the published product's key field, if it has one
 * @param timeField    a {@code timestamp-millis} field to stamp with the processing time, if the skeleton made one
 * @param contractsDir where the test reads the descriptors from (relative to the test's working folder)
 */
public record AppScaffold(String product, String input, String packageName, Optional<String> keyField,
                          Optional<String> timeField, String contractsDir) {

    /** The app's class name, e.g. {@code RefundIssuedApp}. */
    public String className() {
        return Identifiers.pascal(product.substring(product.indexOf('.') + 1)) + "App";
    }

    /** The package for a domain: {@code com.example.<domain>}. */
    public static String defaultPackage(String domain) {
        return "com.example." + Identifiers.packagePart(domain);
    }

    public String app() {
        String keyLine = keyField.map(f -> "        record.set(\"" + f + "\", key); // the contract keys records by this field\n").orElse("");
        String timeLine = timeField.map(f -> "        record.set(\"" + f + "\", System.currentTimeMillis()); // TODO: the time the input says\n").orElse("");
        return """
                package %1$s;

                import java.nio.file.Path;
                import java.time.Duration;
                import java.util.Map;

                import io.meshbone.domains.dsl.MeshStreams;
                import io.meshbone.domains.dsl.ProductCatalog;
                import org.apache.avro.Schema;
                import org.apache.avro.generic.GenericRecord;
                import org.apache.avro.generic.GenericRecordBuilder;
                import org.apache.kafka.streams.KafkaStreams;
                import org.apache.kafka.streams.StreamsBuilder;
                import org.apache.kafka.streams.Topology;
                import org.apache.kafka.streams.kstream.KStream;
                import org.apache.kafka.streams.kstream.Named;

                /** Publishes %2$s from %3$s. */
                public final class %4$s {

                    static final String PRODUCT = "%2$s";
                    static final String INPUT = "%3$s";

                    private %4$s() {
                    }

                    static Topology topology(ProductCatalog catalog) {
                        StreamsBuilder builder = new StreamsBuilder();
                        MeshStreams mesh = MeshStreams.on(builder, catalog);
                        Schema schema = catalog.product(PRODUCT).spec().value().schema();
                        KStream<String, GenericRecord> published = mesh.<String, GenericRecord>from(INPUT)
                                // TODO: the product's own logic; the skeleton makes one product record per input record.
                                .mapValues((key, input) -> derive(key, input, schema), Named.as(PRODUCT + "-derive"));
                        // To the staging topic: the record gate checks every record against the contract.
                        mesh.to(published, PRODUCT);
                        return builder.build();
                    }

                    /** The product record for one input record: the fields both schemas have, copied. */
                    static GenericRecord derive(String key, GenericRecord input, Schema schema) {
                        GenericRecordBuilder record = new GenericRecordBuilder(schema);
                        for (Schema.Field field : schema.getFields()) {
                            if (input.hasField(field.name()) && field.schema().equals(input.getSchema().getField(field.name()).schema())) {
                                record.set(field, input.get(field.name()));
                            }
                        }
                %5$s%6$s        return record.build();
                    }

                    public static void main(String[] args) {
                        String bootstrap = System.getenv().getOrDefault("MESHBONE_BOOTSTRAP_SERVER", "localhost:9092");
                        String registry = System.getenv().getOrDefault("MESHBONE_REGISTRY_URL", "http://localhost:8081");
                        ProductCatalog catalog = ProductCatalog.listed(Map.of("bootstrap.servers", bootstrap), registry, Duration.ofSeconds(60));
                        KafkaStreams streams = new KafkaStreams(topology(catalog),
                                MeshStreams.streamsConfig("%7$s", bootstrap, Path.of("state")));
                        Runtime.getRuntime().addShutdownHook(new Thread(streams::close));
                        streams.start();
                    }
                }
                """.formatted(packageName, product, input, className(), keyLine, timeLine, product.replace('.', '-'));
    }

    public String test() {
        String keyAssertion = keyField.map(f -> "            assertEquals(\"key-1\", ((GenericRecord) published.value).get(\"" + f + "\").toString());\n").orElse("");
        return """
                package %1$s;

                import static org.junit.jupiter.api.Assertions.assertEquals;

                import java.nio.file.Files;
                import java.nio.file.Path;
                import java.util.List;
                import java.util.Map;
                import java.util.UUID;

                import io.meshbone.domains.dsl.MeshStreams;
                import io.meshbone.domains.dsl.ProductCatalog;
                import io.meshbone.domains.dsl.TopicSpec;
                import io.meshbone.platform.contract.DataProduct;
                import io.meshbone.platform.contract.ProductDescriptors;
                import io.meshbone.platform.registry.MockSchemaRegistry;
                import io.meshbone.platform.serde.MeshAvroDeserializer;
                import org.apache.avro.generic.GenericRecord;
                import org.apache.avro.util.RandomData;
                import org.apache.kafka.common.serialization.StringDeserializer;
                import org.apache.kafka.streams.KeyValue;
                import org.apache.kafka.streams.StreamsBuilder;
                import org.apache.kafka.streams.TestOutputTopic;
                import org.apache.kafka.streams.TopologyTestDriver;
                import org.junit.jupiter.api.AfterEach;
                import org.junit.jupiter.api.Test;

                /** Feeds {@link %2$s}'s own topology one input record, on an in-memory registry: no broker, no network. */
                class %2$sTest {

                    /** Where the contracts are: the folder {@code meshbone product init} wrote them to, or -Dmeshbone.contracts. */
                    private static final Path CONTRACTS = Path.of(System.getProperty("meshbone.contracts", "%3$s"));

                    private final String scope = "%4$s-test-" + UUID.randomUUID();

                    @AfterEach
                    void dropRegistry() {
                        MockSchemaRegistry.dropScope(scope);
                    }

                    @Test
                    void publishesOneRecordPerInputRecordToTheStagingTopic() throws Exception {
                        DataProduct input = contract(%2$s.INPUT);
                        DataProduct product = contract(%2$s.PRODUCT);
                        ProductCatalog catalog = ProductCatalog.of(List.of(input, product), MockSchemaRegistry.url(scope));
                        for (DataProduct each : List.of(input, product)) {
                            // Registered as the contract gate registers them: the product's and the staging topic's subjects.
                            catalog.registry().register(each.names().valueSubject(), each.spec().value().schema().toString());
                            catalog.registry().register(each.names().stagingValueSubject(), each.spec().value().schema().toString());
                        }
                        MeshStreams mesh = MeshStreams.on(new StreamsBuilder(), catalog);
                        TopicSpec<String, GenericRecord> in = mesh.product(%2$s.INPUT);
                        // Generic records: the new product has no generated class yet.
                        MeshAvroDeserializer values = new MeshAvroDeserializer();
                        values.configure(Map.of("schema.registry.url", MockSchemaRegistry.url(scope)), false);
                        GenericRecord sample = (GenericRecord) new RandomData(input.spec().value().schema(), 1, 42L).iterator().next();
                        try (TopologyTestDriver driver = new TopologyTestDriver(%2$s.topology(catalog),
                                MeshStreams.streamsConfig("%4$s-test", "localhost:9", Files.createTempDirectory("%4$s-test-")))) {
                            driver.createInputTopic(in.name(), in.keySerde().serializer(), in.valueSerde().serializer()).pipeInput("key-1", sample);
                            TestOutputTopic<String, Object> staging = driver.createOutputTopic(product.names().stagingTopic(),
                                    new StringDeserializer(), values);
                            KeyValue<String, Object> published = staging.readKeyValue();
                            assertEquals("key-1", published.key);
                %5$s            assertEquals(true, staging.isEmpty());
                        }
                    }

                    private static DataProduct contract(String name) {
                        String domain = name.substring(0, name.indexOf('.'));
                        return ProductDescriptors.read(CONTRACTS.resolve(domain).resolve(name.substring(domain.length() + 1) + ".product.yaml"));
                    }
                }
                """.formatted(packageName, className(), contractsDir.replace("\\", "/"), product.replace('.', '-'), keyAssertion);
    }
}
