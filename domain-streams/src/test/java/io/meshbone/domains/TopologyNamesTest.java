package io.meshbone.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.meshbone.domains.dsl.MeshStreams;
import io.meshbone.domains.dsl.ProductCatalog;
import io.meshbone.domains.dsl.UnknownProductException;
import io.meshbone.platform.registry.MockSchemaRegistry;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;

/** Every app names every processor, store and repartition topic, so none changes when the DSL's numbering would. */
class TopologyNamesTest {

    private static final ProductCatalog CATALOG = catalog();

    @Test
    void everyAppNamesEveryNodeAndStore() {
        for (DomainApp app : DomainApps.all()) {
            Topology topology = app.topology().apply(CATALOG);
            String description = topology.describe().toString();
            assertThat(description).as(app.applicationId())
                    .doesNotContain("KSTREAM-").doesNotContain("KTABLE-").doesNotContain("STATE-STORE-");
        }
    }

    @Test
    void namesTheShippingRepartitionTopicAfterTheJoinedProducts() {
        String description = DomainApps.all().stream()
                .filter(app -> app.applicationId().equals("shipping-delivery-requests")).findFirst().orElseThrow()
                .topology().apply(CATALOG).describe().toString();

        assertThat(description).contains("shipping.delivery-request-join-customer-profile-repartition")
                .contains("customers.customer-profile-store")
                .contains("shipping.delivery-request.v1.staging");
    }

    @Test
    void namesTheCapturedOrdersRepartitionTopicAfterTheProduct() {
        String description = DomainApps.all().stream()
                .filter(app -> app.applicationId().equals("orders-refinement")).findFirst().orElseThrow()
                .topology().apply(CATALOG).describe().toString();

        assertThat(description).contains("orders.raw.orders-source")
                .contains("orders.order-placed-captured-by-order-repartition")
                .contains("orders.order-placed-merge-captured");
    }

    @Test
    void rejectsAProductThatIsNotListedNamingTheListedOnes() {
        MeshStreams mesh = MeshStreams.on(new StreamsBuilder(), ProductCatalog.of(List.of(), MockSchemaRegistry.url("topology-names-test")));

        assertThatThrownBy(() -> mesh.from("orders.order-placd"))
                .isInstanceOf(UnknownProductException.class)
                .hasMessageContaining("orders.order-placd").hasMessageContaining("[]");
    }

    private static ProductCatalog catalog() {
        try {
            return ProductCatalog.of(ExampleMesh.exampleProducts(), MockSchemaRegistry.url("topology-names-test"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
