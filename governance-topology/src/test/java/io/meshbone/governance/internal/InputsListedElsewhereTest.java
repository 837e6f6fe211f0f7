package io.meshbone.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.meshbone.platform.contract.Compatibility;
import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.ListedProduct;
import io.meshbone.platform.control.ProductRequest;
import io.meshbone.platform.mesh.MeshCluster;
import io.meshbone.platform.mesh.MeshTopology;
import io.meshbone.platform.policy.ClusterFacts;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The contract gate of one cluster finding declared inputs, and their residency, among another cluster's listings. */
class InputsListedElsewhereTest {

    private static final MeshTopology CLUSTERS = new MeshTopology(List.of(
            new MeshCluster("exchange", "us", "us:9092", List.of(), true),
            new MeshCluster("eu", "eu", "eu:9092", List.of("customers", "shipping"), false)));
    private static final String SCHEMA = """
            {"type": "record", "name": "Thing", "fields": [{"name": "id", "type": "string", "doc": "Id."}]}""";

    @Test
    void acceptsAContractWhoseInputIsListedOnlyOnAnotherCluster() {
        ContractDecider eu = decider(Map.of("orders.order-placed", listed("orders", "order-placed", null)));

        Decision decision = eu.decide(request("shipping", "delivery-request", "[eu]", "[orders.order-placed]"), Map.of())
                .decision();

        assertThat(decision.reasons()).isEmpty();
        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.ACCEPTED);
    }

    @Test
    void stillRefusesAnInputListedNowhere() {
        ContractDecider eu = decider(Map.of());

        Decision decision = eu.decide(request("shipping", "delivery-request", "[eu]", "[orders.order-placed]"), Map.of())
                .decision();

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.REJECTED);
        assertThat(decision.reasons()).singleElement().asString().contains("orders.order-placed");
    }

    @Test
    void keepsTheResidencyOfAnInputListedOnAnotherCluster() {
        ContractDecider exchange = decider(Map.of("customers.customer-profile", listed("customers", "customer-profile", "[eu]")));

        Decision decision = exchange.decide(request("orders", "order-enriched", null, "[customers.customer-profile]"),
                Map.of()).decision();

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.REJECTED);
        assertThat(decision.reasons()).anySatisfy(reason -> assertThat(reason)
                .contains("spec.inputs[0]: 'customers.customer-profile' is resident in [eu]")
                .contains("runs on cluster 'exchange'"));
    }

    private static ContractDecider decider(Map<String, ListedProduct> elsewhere) {
        return new ContractDecider(new CompatibleRegistry(), List.of(), new ClusterFacts(1),
                new ResidencyRules(Optional.of(CLUSTERS)), () -> elsewhere);
    }

    private static ProductRequest request(String domain, String name, String residency, String inputs) {
        return ProductRequest.apply("User:team-" + domain, domain + "/" + name + ".product.yaml",
                descriptor(domain, name, residency, inputs), Map.of("thing.avsc", SCHEMA));
    }

    private static ListedProduct listed(String domain, String name, String residency) {
        return new ListedProduct(domain + "." + name, name + ".product.yaml", descriptor(domain, name, residency, null),
                Map.of("thing.avsc", SCHEMA), 1, null, "r", "User:team-" + domain, Instant.EPOCH, false);
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

    /** Every schema compatible, ids counted up: the registry as far as the decider needs it. */
    private static final class CompatibleRegistry implements ContractRegistry {
        private final AtomicInteger ids = new AtomicInteger();

        @Override
        public List<String> incompatibilities(String subject, Schema schema, Compatibility level) {
            return List.of();
        }

        @Override
        public int register(String subject, Schema schema, Compatibility level) {
            return ids.incrementAndGet();
        }
    }
}
