package io.meshbone.domains.shipping;

import java.util.List;

import io.meshbone.domains.DomainApp;

/** The shipping domain's apps. */
public final class ShippingDomain {

    private ShippingDomain() {
    }

    public static List<DomainApp> apps() {
        return List.of(new DomainApp(DeliveryRequests.APPLICATION_ID,
                List.of("orders.order-placed", "customers.customer-profile", DeliveryRequests.PRODUCT), DeliveryRequests::topology));
    }
}
