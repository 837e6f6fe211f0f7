package io.meshbone.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;

import io.meshbone.domains.dsl.ProductCatalog;
import io.meshbone.domains.orders.OrdersDomain;
import io.meshbone.domains.orders.RevenueByHourApp;
import io.meshbone.platform.registry.SchemaRegistryException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

/**
 * A domain app whose registry cannot be reached over the network fails instead of skipping records: an outage is
 * waited out, not mistaken for a broken record. An IT because it dials a closed loopback port.
 */
class UnreachableRegistryIT {

    private static final String ORDERS = "orders.order-placed.v1";

    @Test
    void failsInsteadOfSkippingWhenTheRegistryCannotBeReached() throws Exception {
        ProductCatalog unreachable = ProductCatalog.of(ExampleMesh.exampleProducts(), "http://127.0.0.1:9");
        try (ExampleMesh mesh = ExampleMesh.start();
             TopologyTestDriver driver = mesh.driver(OrdersDomain.apps().stream()
                     .filter(app -> app.applicationId().equals(RevenueByHourApp.APPLICATION_ID)).findFirst()
                     .orElseThrow().topology().apply(unreachable))) {
            TestInputTopic<byte[], byte[]> orders = driver.createInputTopic(ORDERS, new ByteArraySerializer(), new ByteArraySerializer());

            assertThatThrownBy(() -> orders.pipeInput("o-1".getBytes(), framed(1)))
                    .isInstanceOf(StreamsException.class)
                    .satisfies(e -> assertThat(causeOf(e, SchemaRegistryException.class).retriable()).isTrue());
            assertThat(ExampleMesh.droppedRecords(driver)).as("nothing was skipped").isZero();
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
