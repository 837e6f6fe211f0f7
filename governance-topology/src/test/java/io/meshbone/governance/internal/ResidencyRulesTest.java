package io.meshbone.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.ProductDescriptors;
import io.meshbone.platform.contract.SchemaFiles;
import io.meshbone.platform.control.ListedProduct;
import io.meshbone.platform.mesh.MeshCluster;
import io.meshbone.platform.mesh.MeshTopology;
import org.junit.jupiter.api.Test;

/** Residency against an EU domain cluster (customers, shipping) and a US exchange (everything else). */
class ResidencyRulesTest {

    private static final MeshTopology CLUSTERS = new MeshTopology(List.of(
            new MeshCluster("exchange", "us", "us:9092", List.of(), true),
            new MeshCluster("eu", "eu", "eu:9092", List.of("customers", "shipping"), false)));
    private static final ResidencyRules RULES = new ResidencyRules(Optional.of(CLUSTERS));
    private static final String SCHEMA = """
            {"type": "record", "name": "Thing", "fields": [{"name": "id", "type": "string", "doc": "Id."}]}""";

    private static final Map<String, ListedProduct> LISTED = Map.of(
            "customers.customer-profile", listed("customers", "customer-profile", "[eu]", null),
            "orders.order-placed", listed("orders", "order-placed", null, null));

    @Test
    void acceptsAResidentProductOnItsRegionsClusterAndAProductThatKeepsResidentInputsThere() {
        assertThat(RULES.check("f", product("customers", "customer-profile", "[eu]", null), LISTED)).isEmpty();
        assertThat(RULES.check("f", product("shipping", "delivery-request", "[eu]",
                "[orders.order-placed, customers.customer-profile]"), LISTED)).isEmpty();
    }

    @Test
    void refusesAResidentProductWhoseDomainsClusterIsOutsideItsRegions() {
        assertThat(RULES.check("f", product("orders", "order-placed", "[eu]", null), LISTED)).containsExactly(
                "f: spec.residency: orders.order-placed must stay in [eu], but domain 'orders' is hosted on cluster"
                        + " 'exchange' in region us; expected its domain on a cluster in [eu] (clusters config) or a"
                        + " residency including us");
    }

    @Test
    void refusesAProductThatWouldPullResidentDataOutOfItsRegionNamingInputResidencyAndCluster() {
        List<String> reasons = RULES.check("orders/x.product.yaml",
                product("orders", "order-enriched", null, "[orders.order-placed, customers.customer-profile]"), LISTED);

        assertThat(reasons).containsExactly(
                "orders/x.product.yaml: spec.inputs[1]: 'customers.customer-profile' is resident in [eu], but"
                        + " orders.order-enriched runs on cluster 'exchange' in region us; reading it there would move"
                        + " its records out of [eu] (expected domain 'orders' on a cluster in [eu])",
                "orders/x.product.yaml: spec.residency: input 'customers.customer-profile' is resident in [eu], so"
                        + " orders.order-enriched (on cluster 'exchange') must stay there too; expected residency [eu]"
                        + " or fewer of those regions, got none");
    }

    @Test
    void refusesADerivedProductOnTheRightClusterThatWouldBeServedOutsideTheRegion() {
        assertThat(RULES.check("f", product("shipping", "delivery-request", null, "[customers.customer-profile]"), LISTED))
                .singleElement().asString()
                .startsWith("f: spec.residency: input 'customers.customer-profile' is resident in [eu], so"
                        + " shipping.delivery-request (on cluster 'eu') must stay there too");
    }

    @Test
    void checksNothingWithoutClusters() {
        ResidencyRules colocated = new ResidencyRules(Optional.empty());

        assertThat(colocated.check("f", product("orders", "order-placed", "[eu]", "[customers.customer-profile]"), LISTED))
                .isEmpty();
    }

    private static DataProduct product(String domain, String name, String residency, String inputs) {
        return ProductDescriptors.parse(name + ".product.yaml", descriptor(domain, name, residency, inputs),
                SchemaFiles.of(Map.of("thing.avsc", SCHEMA))).orThrow();
    }

    private static ListedProduct listed(String domain, String name, String residency, String inputs) {
        return new ListedProduct(domain + "." + name, name + ".product.yaml", descriptor(domain, name, residency, inputs),
                Map.of("thing.avsc", SCHEMA), 1, null, "r", "User:test", Instant.EPOCH, false);
    }

    private static String descriptor(String domain, String name, String residency, String inputs) {
        return """
                apiVersion: meshbone/v1
                kind: DataProduct
                metadata: {name: %s, domain: %s, owner: team@example.com, description: Things.}
                spec:
                  version: 1.0.0
                  type: event
                  value: {schema: thing.avsc}
                  classification: internal
                """.formatted(name, domain)
                + (residency == null ? "" : "  residency: " + residency + "\n")
                + (inputs == null ? "" : "  inputs: " + inputs + "\n");
    }
}
