package io.meshbone.domains.orders;

import java.util.List;

import io.meshbone.domains.DomainApp;

/** The orders domain's apps. */
public final class OrdersDomain {

    private OrdersDomain() {
    }

    public static List<DomainApp> apps() {
        return List.of(
                new DomainApp(OrderRefinement.APPLICATION_ID, List.of(OrderRefinement.PRODUCT), OrderRefinement::topology),
                new DomainApp(RevenueByHourApp.APPLICATION_ID, List.of(RevenueByHourApp.INPUT, RevenueByHourApp.PRODUCT),
                        RevenueByHourApp::topology),
                new DomainApp(OrderStatusApp.APPLICATION_ID,
                        List.of("orders.order-placed", "payments.payment-settled", OrderStatusApp.PRODUCT), OrderStatusApp::topology));
    }
}
