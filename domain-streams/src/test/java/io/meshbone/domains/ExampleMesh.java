package io.meshbone.domains;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.meshbone.domains.dsl.MeshStreams;
import io.meshbone.domains.dsl.ProductCatalog;
import io.meshbone.domains.dsl.TopicSpec;
import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.KeySpec;
import io.meshbone.platform.contract.ProductDescriptors;
import io.meshbone.platform.contract.ProductNames;
import io.meshbone.platform.registry.MockSchemaRegistry;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The example products on an in-memory ({@code mock://}) schema registry of their own, registered as the contract gate
 * registers them, for {@link TopologyTestDriver} tests that feed the apps' own topologies: no broker, no network.
 */
public final class ExampleMesh implements AutoCloseable {

    private final String scope;
    private final ProductCatalog catalog;
    private final Path stateDir;

    private ExampleMesh(String scope, ProductCatalog catalog, Path stateDir) {
        this.scope = scope;
        this.catalog = catalog;
        this.stateDir = stateDir;
    }

    /** Registers the example products in a fresh registry scope. */
    public static ExampleMesh start() throws IOException {
        String scope = "example-mesh-" + UUID.randomUUID();
        List<DataProduct> products = exampleProducts();
        ProductCatalog catalog = ProductCatalog.of(products, MockSchemaRegistry.url(scope));
        for (DataProduct product : products) {
            ProductNames names = ProductNames.of(product);
            String value = product.spec().value().schema().toString();
            catalog.registry().register(names.valueSubject(), value);
            catalog.registry().register(names.stagingValueSubject(), value);
            Optional<KeySpec> key = product.spec().key().filter(KeySpec.SchemaKey.class::isInstance);
            if (key.isPresent()) {
                String keySchema = ((KeySpec.SchemaKey) key.get()).schema().schema().toString();
                catalog.registry().register(names.keySubject(), keySchema);
                catalog.registry().register(names.stagingKeySubject(), keySchema);
            }
        }
        return new ExampleMesh(scope, catalog, Files.createTempDirectory("domain-streams-test-"));
    }

    /** The example contracts shipped by the schemas module, parsed from the classpath. */
    public static List<DataProduct> exampleProducts() throws IOException {
        List<DataProduct> products = new ArrayList<>();
        for (String line : resource("index").split("\n")) {
            String path = line.strip();
            if (path.isEmpty()) {
                continue;
            }
            String dir = path.substring(0, path.lastIndexOf('/') + 1);
            products.add(ProductDescriptors.parse(path, resource(path), name -> {
                try {
                    return Optional.of(resource(dir + name));
                } catch (UncheckedIOException e) {
                    return Optional.empty();
                }
            }).orThrow());
        }
        return products;
    }

    private static String resource(String path) {
        try (InputStream in = ExampleMesh.class.getClassLoader().getResourceAsStream("meshbone/products/" + path)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("no resource meshbone/products/" + path));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ProductCatalog catalog() {
        return catalog;
    }

    /** The {@code mock://} URL of this mesh's registry, for serdes a test configures itself. */
    public String registryUrl() {
        return MockSchemaRegistry.url(scope);
    }

    /** A driver for {@code topology} with the domain apps' own streams config. */
    public TopologyTestDriver driver(Topology topology) {
        return new TopologyTestDriver(topology, MeshStreams.streamsConfig("test-app", "localhost:9", stateDir));
    }

    /** The product topic of {@code product}, with the serdes apps read it with. */
    public <K, V> TopicSpec<K, V> product(String product) {
        return MeshStreams.on(new StreamsBuilder(), catalog).product(product);
    }

    /** Feeds the product's topic. */
    public <K, V> TestInputTopic<K, V> input(TopologyTestDriver driver, String product) {
        TopicSpec<K, V> topic = product(product);
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    /** Feeds a raw topic. */
    public static <K, V> TestInputTopic<K, V> raw(TopologyTestDriver driver, TopicSpec<K, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    /** Reads the product's staging topic, where the app publishes. */
    public <K, V> TestOutputTopic<K, V> staging(TopologyTestDriver driver, String product) {
        TopicSpec<K, V> topic = product(product);
        return driver.createOutputTopic(ProductNames.of(catalog.product(product)).stagingTopic(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }

    @Override
    public void close() {
        MockSchemaRegistry.dropScope(scope);
    }

    /** Records the driver's tasks dropped: unreadable, thrown on by app code, or later than a window's grace. */
    public static double droppedRecords(TopologyTestDriver driver) {
        return driver.metrics().values().stream()
                .filter(metric -> metric.metricName().name().equals("dropped-records-total"))
                .mapToDouble(metric -> ((Number) metric.metricValue()).doubleValue())
                .sum();
    }
}
