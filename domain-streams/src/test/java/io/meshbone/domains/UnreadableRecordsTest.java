package io.meshbone.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;

import io.meshbone.domains.dsl.ProductCatalog;
import io.meshbone.domains.orders.OrdersDomain;
import io.meshbone.domains.orders.RevenueByHourApp;
import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.registry.SchemaRegistryException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
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

        assertThat(ExampleMesh.droppedRecords(driver)).isEqualTo(2.0);
    }

    @Test
    void failsInsteadOfSkippingWhenTheRegistryCannotBeReached() {
        ProductCatalog unreachable = ProductCatalog.of(examples(), "http://127.0.0.1:9");
        driver = mesh.driver(revenueApp(unreachable));
        TestInputTopic<byte[], byte[]> orders = driver.createInputTopic(ORDERS, new ByteArraySerializer(), new ByteArraySerializer());

        assertThatThrownBy(() -> orders.pipeInput("o-1".getBytes(), framed(1)))
                .isInstanceOf(StreamsException.class)
                .satisfies(e -> assertThat(causeOf(e, SchemaRegistryException.class).retriable()).isTrue());
        assertThat(ExampleMesh.droppedRecords(driver)).as("nothing was skipped").isZero();
    }

    private static Topology revenueApp(ProductCatalog catalog) {
        return OrdersDomain.apps().stream().filter(app -> app.applicationId().equals(RevenueByHourApp.APPLICATION_ID)).findFirst()
                .orElseThrow().topology().apply(catalog);
    }

    private static List<DataProduct> examples() {
        try {
            return ExampleMesh.exampleProducts();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] framed(int schemaId) {
        return ByteBuffer.allocate(7).put((byte) 0).putInt(schemaId).put((byte) 2).put((byte) 65).array();
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
