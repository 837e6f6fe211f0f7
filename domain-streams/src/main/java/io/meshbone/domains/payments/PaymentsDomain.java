package io.meshbone.domains.payments;

import java.util.List;

import io.meshbone.domains.DomainApp;

/** The payments domain's apps. */
public final class PaymentsDomain {

    private PaymentsDomain() {
    }

    public static List<DomainApp> apps() {
        return List.of(new DomainApp(PaymentSettlement.APPLICATION_ID, List.of(PaymentSettlement.PRODUCT), PaymentSettlement::topology));
    }
}
