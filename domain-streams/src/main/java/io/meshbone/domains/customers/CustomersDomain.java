package io.meshbone.domains.customers;

import java.util.List;

import io.meshbone.domains.DomainApp;

/** The customers domain's apps. */
public final class CustomersDomain {

    private CustomersDomain() {
    }

    public static List<DomainApp> apps() {
        return List.of(
                new DomainApp(CustomerProfiles.APPLICATION_ID, List.of(CustomerProfiles.PRODUCT), CustomerProfiles::topology),
                new DomainApp(ProfileHistory.APPLICATION_ID, List.of(CustomerProfiles.PRODUCT, ProfileHistory.PRODUCT),
                        ProfileHistory::topology));
    }
}
