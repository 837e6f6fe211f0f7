package io.meshbone.cli.internal;

import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.meshbone.domains.DomainApp;
import io.meshbone.domains.DomainApps;
import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.provisioning.AclPlan;
import io.meshbone.platform.provisioning.Acls;
import io.meshbone.platform.security.ServiceAcls;
import org.apache.kafka.common.acl.AclBinding;
import org.junit.jupiter.api.Test;

/** The ACLs a secure {@code up}'s example flow needs are exactly what the provisioner's plan grants for the examples. */
class ExampleAccessTest {

    private static final Map<String, DataProduct> LISTED = listed();
    private static final Set<AclBinding> NEEDS = ExampleAccess.needs(LISTED, DomainApps.all());
    /** What the provisioner's reconciler grants once the examples are listed, before any access request or domain. */
    private static final AclPlan PLAN = AclPlan.of(LISTED.values(), List.of(), List.of(), ServiceAcls.services());

    @Test
    void theProvisionersPlanGrantsEverythingTheExampleFlowNeeds() {
        assertThat(PLAN.bindings()).containsAll(NEEDS);
    }

    @Test
    void eachDomainsAppsWriteTheirStagingTopicsAndReadTheProductsTheyJoin() {
        assertThat(NEEDS).containsAll(Acls.topic("User:app-orders", "orders.order-placed.v1.staging", WRITE))
                .containsAll(Acls.topic("User:app-customers", "customers.customer-profile.v1.staging", WRITE))
                .containsAll(Acls.topic("User:app-shipping", "orders.order-placed.v1", READ))
                .containsAll(Acls.topic("User:app-shipping", "customers.customer-profile.v1", READ))
                .containsAll(Acls.topic("User:app-orders", "payments.payment-settled.v1", READ));
        assertThat(PLAN.bindings()).containsAll(Acls.topic("User:app-shipping", "customers.customer-profile.v1", READ))
                .containsAll(Acls.topic("User:app-orders", "payments.payment-settled.v1", READ));
    }

    @Test
    void theCatalogAndConnectReadEveryListedProduct() {
        for (DataProduct product : LISTED.values()) {
            for (String reader : List.of("User:catalog", "User:connect")) {
                assertThat(NEEDS).containsAll(Acls.topic(reader, product.names().topic(), READ));
                assertThat(PLAN.bindings()).containsAll(Acls.topic(reader, product.names().topic(), READ));
            }
        }
    }

    @Test
    void aDomainReadsNoProductItIsNotAConsumerOf() {
        // payments is not in customer-profile's consumers: the plan gives it nothing there, and it needs nothing.
        assertThat(PLAN.bindings()).doesNotContainAnyElementsOf(Acls.topic("User:app-payments", "customers.customer-profile.v1", READ));
        assertThat(PLAN.bindings()).doesNotContainAnyElementsOf(Acls.topic("User:app-orders", "shipping.delivery-request.v1", READ));
        assertThat(NEEDS).doesNotContainAnyElementsOf(Acls.topic("User:app-payments", "customers.customer-profile.v1", READ));
    }

    @Test
    void anAppOutsideTheExampleDomainsIsNamed() {
        DomainApp stray = new DomainApp("marketing-campaigns", List.of(), catalog -> null);
        assertThatThrownBy(() -> ExampleAccess.needs(LISTED, List.of(stray)))
                .hasMessageContaining("marketing-campaigns").hasMessageContaining("example domains");
    }

    private static Map<String, DataProduct> listed() {
        Map<String, DataProduct> listed = new LinkedHashMap<>();
        ExampleContracts.load("User:admin").forEach(example -> listed.put(example.product().name(), example.product()));
        return listed;
    }
}
