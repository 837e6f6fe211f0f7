package io.meshbone.connect.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.platform.serde.MeshAvroDeserializer;
import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.localkafka.testing.TestTopics;
import io.meshbone.registry.SchemaRegistryServer;
import io.meshbone.registry.SchemaRegistrySettings;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin archive as a worker would load it: its jars in a class loader whose parent holds only what a Connect
 * worker provides (kafka-clients, connect-api, connect-transforms, SLF4J). Nothing from this test's class path can fill a gap in the
 * archive, so a missing dependency fails here instead of on someone's cluster.
 */
@ExtendWith(SharedKafka.class)
class PluginArchiveIT {

    private static final String CONVERTER = "io.meshbone.connect.MeshAvroConverter";
    private static final String SMT = "io.meshbone.connect.transforms.InsertLineageHeaders";
    /** From Kafka's libs/, on every worker's class path. */
    private static final List<String> WORKER_JARS = List.of("kafka-clients-", "connect-api-", "connect-transforms-", "slf4j-api-");

    private static SchemaRegistryServer registry;
    private static Path plugin;

    @BeforeAll
    static void start(KafkaCluster kafka, @TempDir Path dir) throws IOException {
        registry = SchemaRegistryServer.start(SchemaRegistrySettings.defaults(kafka.bootstrapServers())
                .withHost("127.0.0.1").withPort(0));
        plugin = unzip(Path.of(System.getProperty("meshbone.plugin.zip")), dir);
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Test
    void holdsTheManifestAndThePluginsJarsButNothingTheWorkerOrOtherPluginsProvide() throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(plugin.resolve("manifest.json").toFile());
        assertThat(manifest.path("name").asText()).isEqualTo("meshbone-connect-plugin");
        assertThat(manifest.path("version").asText()).isEqualTo(plugin.getFileName().toString().replace("meshbone-connect-plugin-", ""));
        assertThat(manifest.path("component_types").toString()).contains("converter", "transform");

        List<String> jars = libJars().stream().map(jar -> jar.getFileName().toString()).toList();
        assertThat(jars).anyMatch(jar -> jar.startsWith("meshbone-connectors-")).anyMatch(jar -> jar.startsWith("meshbone-platform-"))
                .anyMatch(jar -> jar.startsWith("avro-")).anyMatch(jar -> jar.startsWith("jackson-annotations-"));
        assertThat(jars).noneMatch(jar -> Stream.of("kafka", "connect-", "slf4j-", "debezium-", "postgresql-", "scala-")
                .anyMatch(jar::startsWith));
    }

    @Test
    void convertsThroughTheRegistryAndStampsLineageWithOnlyWhatAWorkerProvidesBeside() throws Exception {
        try (URLClassLoader worker = new URLClassLoader(workerJars(), ClassLoader.getPlatformClassLoader());
             URLClassLoader plugins = new URLClassLoader(urls(libJars()), worker)) {
            Reflected api = new Reflected(worker);
            Object converter = service(api.type("org.apache.kafka.connect.storage.Converter"), plugins, CONVERTER);
            assertThat(converter.getClass().getClassLoader()).as("loaded from the archive").isSameAs(plugins);
            api.call(converter, "configure", Map.of("schema.registry.url", registry.url().toString()), false);

            Object builder = api.call(api.staticCall("org.apache.kafka.connect.data.SchemaBuilder", "struct"), "name", "io.meshbone.test.Payment");
            api.call(builder, "field", "id", api.constant("org.apache.kafka.connect.data.Schema", "STRING_SCHEMA"));
            api.call(builder, "field", "amount", api.staticCall("org.apache.kafka.connect.data.Decimal", "schema", 2));
            Object schema = api.call(builder, "build");
            Object struct = api.type("org.apache.kafka.connect.data.Struct").getConstructor(api.type("org.apache.kafka.connect.data.Schema"))
                    .newInstance(schema);
            api.call(struct, "put", "id", "p-1");
            api.call(struct, "put", "amount", new BigDecimal("12.34"));

            String topic = TestTopics.unique("plugin-archive");
            byte[] bytes = (byte[]) api.call(converter, "fromConnectData", topic, schema, struct);
            GenericRecord written = readWithTheMeshSerde(topic, bytes);
            assertThat(written.get("id")).hasToString("p-1");
            assertThat(new BigDecimal(new BigInteger(bytes((ByteBuffer) written.get("amount"))), 2)).isEqualByComparingTo("12.34");
            Object read = api.call(api.call(converter, "toConnectData", topic, bytes), "value");
            assertThat(read).hasToString(struct.toString());

            Object smt = service(api.type("org.apache.kafka.connect.transforms.Transformation"), plugins, SMT);
            api.call(smt, "configure", Map.of("product", "orders.order-placed", "connector", "plugin-archive-it"));
            Object record = api.type("org.apache.kafka.connect.source.SourceRecord").getConstructor(Map.class, Map.class, String.class,
                    Integer.class, api.type("org.apache.kafka.connect.data.Schema"), Object.class)
                    .newInstance(Map.of(), Map.of(), topic, 0, schema, struct);
            Object headers = api.call(api.call(smt, "apply", record), "headers");
            assertThat(api.call(api.call(headers, "lastWithName", "mesh.product"), "value")).isEqualTo("orders.order-placed");
            assertThat(api.call(api.call(headers, "lastWithName", "mesh.domain"), "value")).isEqualTo("orders");
            assertThat(api.call(api.call(headers, "lastWithName", "mesh.connector"), "value")).isEqualTo("plugin-archive-it");
        }
    }

    private static GenericRecord readWithTheMeshSerde(String topic, byte[] bytes) {
        try (MeshAvroDeserializer<Object> deserializer = new MeshAvroDeserializer<>()) {
            deserializer.configure(new HashMap<>(Map.of("schema.registry.url", registry.url().toString())), false);
            return (GenericRecord) deserializer.deserialize(topic, bytes);
        }
    }

    private static Object service(Class<?> type, ClassLoader loader, String className) {
        return ServiceLoader.load(type, loader).stream().map(ServiceLoader.Provider::get)
                .filter(service -> service.getClass().getName().equals(className)).findFirst()
                .orElseThrow(() -> new AssertionError(className + " is not registered as a " + type.getName() + " service"));
    }

    private static List<Path> libJars() throws IOException {
        try (Stream<Path> files = Files.list(plugin.resolve("lib"))) {
            return files.filter(file -> file.toString().endsWith(".jar")).sorted().toList();
        }
    }

    private static URL[] workerJars() {
        List<Path> jars = Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)).map(Path::of)
                .filter(jar -> WORKER_JARS.stream().anyMatch(prefix -> jar.getFileName().toString().startsWith(prefix))).toList();
        assertThat(jars).hasSize(WORKER_JARS.size());
        return urls(jars);
    }

    private static URL[] urls(List<Path> jars) {
        return jars.stream().map(jar -> {
            try {
                return jar.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(jar.toString(), e);
            }
        }).toArray(URL[]::new);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    /** Unzips the archive and returns its one top-level directory, as a worker's plugin.path would hold it. */
    private static Path unzip(Path zip, Path dir) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = dir.resolve(entry.getName()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IOException("entry outside the archive's directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                }
            }
        }
        try (Stream<Path> top = Files.list(dir)) {
            return top.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }
}
