package io.meshbone.domains;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;

import io.meshbone.domains.dsl.ProductCatalog;
import io.meshbone.domains.orders.OrdersDomain;
import io.meshbone.domains.orders.RevenueByHourApp;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;

/** What a domain app does with a product record it cannot deserialize: skip what is broken (an outage: {@code UnreachableRegistryIT}). */
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

    private static Topology revenueApp(ProductCatalog catalog) {
        return OrdersDomain.apps().stream().filter(app -> app.applicationId().equals(RevenueByHourApp.APPLICATION_ID)).findFirst()
                .orElseThrow().topology().apply(catalog);
    }

    private static byte[] framed(int schemaId) {
        return ByteBuffer.allocate(7).put((byte) 0).putInt(schemaId).put((byte) 2).put((byte) 65).array();
    }
}
