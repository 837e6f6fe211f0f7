package io.meshbone.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;

import io.meshbone.domains.dsl.ProductCatalog;
import io.meshbone.domains.orders.OrdersDomain;
import io.meshbone.platform.registry.SchemaRegistryException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

/** What a domain app does with a product record it cannot deserialize: skip what is broken, wait out the registry. */
class UnreadableRecordsTest extends ExampleMeshTest {

    private static final String ORDERS = "orders.order-placed.v1";

    @Test
    void skipsAndCountsARecordWhoseSchemaIdTheRegistryDoesNotKnow() {
        driver = mesh.driver(revenueApp(mesh.catalog()));
        TestInputTopic<byte[], byte[]> orders = driver.createInputTopic(ORDERS, new ByteArraySerializer(), new ByteArraySerializer());

        orders.pipeInput("o-1".getBytes(), framed(987_654));
        orders.pipeInput("o-2".getBytes(), new byte[] {1, 2, 3});

        assertThat(droppedRecords(driver)).isEqualTo(2.0);
    }

    @Test
    void failsInsteadOfSkippingWhenTheRegistryCannotBeReached() {
        ProductCatalog unreachable = ProductCatalog.of(examples(), "http://127.0.0.1:9");
        driver = mesh.driver(revenueApp(unreachable));
        TestInputTopic<byte[], byte[]> orders = driver.createInputTopic(ORDERS, new ByteArraySerializer(), new ByteArraySerializer());

        assertThatThrownBy(() -> orders.pipeInput("o-1".getBytes(), framed(1)))
                .isInstanceOf(StreamsException.class)
                .satisfies(e -> assertThat(causeOf(e, SchemaRegistryException.class).retriable()).isTrue());
        assertThat(droppedRecords(driver)).as("nothing was skipped").isZero();
    }

    private static Topology revenueApp(ProductCatalog catalog) {
        return OrdersDomain.apps().stream().filter(app -> app.applicationId().equals("orders-revenue-by-hour")).findFirst()
                .orElseThrow().topology().apply(catalog);
    }

    private static java.util.List<io.meshbone.platform.contract.DataProduct> examples() {
        try {
            return ExampleMesh.exampleProducts();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] framed(int schemaId) {
        return ByteBuffer.allocate(7).put((byte) 0).putInt(schemaId).put((byte) 2).put((byte) 65).array();
    }

    private static double droppedRecords(TopologyTestDriver driver) {
        return driver.metrics().values().stream()
                .filter(metric -> metric.metricName().name().equals("dropped-records-total"))
                .mapToDouble(metric -> ((Number) metric.metricValue()).doubleValue())
                .sum();
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + e);
    }
}
