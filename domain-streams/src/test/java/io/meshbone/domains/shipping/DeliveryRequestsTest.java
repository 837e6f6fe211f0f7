package io.meshbone.domains.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;

import io.meshbone.domains.ExampleMesh;
import io.meshbone.domains.ExampleMeshTest;
import io.meshbone.platform.lineage.LineageHeaders;
import io.meshbone.schemas.customers.CustomerProfile;
import io.meshbone.schemas.orders.OrderPlaced;
import io.meshbone.schemas.orders.SalesChannel;
import io.meshbone.schemas.shipping.DeliveryRequest;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeliveryRequestsTest extends ExampleMeshTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private TestInputTopic<String, OrderPlaced> orders;
    private TestInputTopic<String, CustomerProfile> customers;
    private TestOutputTopic<String, DeliveryRequest> requests;

    @BeforeEach
    void startDriver() {
        driver = mesh.driver(DeliveryRequests.topology(mesh.catalog()));
        orders = mesh.input(driver, "orders.order-placed");
        customers = mesh.input(driver, "customers.customer-profile");
        requests = mesh.staging(driver, DeliveryRequests.PRODUCT);
    }

    @Test
    void joinsAnOrderWithItsCustomersCurrentProfile() {
        customers.pipeInput("c-1", customer("c-1", "ada@example.com"), T0);
        customers.pipeInput("c-1", customer("c-1", "ada@analytical.engine"), T0.plusSeconds(10));
        orders.pipeInput("o-1", order("o-1", "c-1"), T0.plusSeconds(20));

        var out = requests.readRecordsToList();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).key()).isEqualTo("o-1");
        DeliveryRequest request = out.get(0).value();
        assertThat(request.getDeliveryId().toString()).isEqualTo("delivery-o-1");
        assertThat(request.getRecipientName().toString()).isEqualTo("Ada Lovelace");
        assertThat(request.getEmail().toString()).isEqualTo("ada@analytical.engine");
        assertThat(request.getCountry().toString()).isEqualTo("GB");
        assertThat(request.getItemCount()).isEqualTo(3);
        assertThat(request.getRequestedAt()).isEqualTo(T0);
        assertThat(LineageHeaders.upstream(out.get(0).headers()))
                .containsExactlyInAnyOrder("orders.order-placed", "customers.customer-profile");
    }

    @Test
    void makesNoRequestForAnOrderWhoseCustomerHasNoProfile() {
        orders.pipeInput("o-2", order("o-2", "c-unknown"), T0);

        assertThat(requests.isEmpty()).isTrue();
    }

    @Test
    void makesNoRequestOnceTheCustomerIsDeleted() {
        customers.pipeInput("c-3", customer("c-3", "c3@example.com"), T0);
        orders.pipeInput("o-3", order("o-3", "c-3"), T0.plusSeconds(1));
        customers.pipeInput("c-3", (CustomerProfile) null, T0.plusSeconds(2));
        orders.pipeInput("o-4", order("o-4", "c-3"), T0.plusSeconds(3));

        assertThat(requests.readRecordsToList()).extracting(r -> r.key()).containsExactly("o-3");
    }

    private static CustomerProfile customer(String id, String email) {
        return new CustomerProfile(id, "Ada Lovelace", email, null, "GB", T0, T0);
    }

    private static OrderPlaced order(String orderId, String customerId) {
        return new OrderPlaced(orderId, customerId, T0, "EUR", new BigDecimal("12.00"), 3, SalesChannel.WEB, "EMEA");
    }
}
