package io.meshbone.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.meshbone.platform.contract.Compatibility;
import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.ListedProduct;
import io.meshbone.platform.control.ProductRequest;
import io.meshbone.platform.policy.ClusterFacts;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** Applying the listed contract word for word: a no-op for its domain's owner, refused for anyone else. */
class UnchangedApplyTest {

    private static final String SCHEMA = """
            {"type": "record", "name": "Thing", "fields": [{"name": "id", "type": "string", "doc": "Id."}]}""";
    private static final String DESCRIPTOR = """
            apiVersion: meshbone/v1
            kind: DataProduct
            metadata: {name: thing, domain: shipping, owner: team@example.com, description: Things.}
            spec:
              version: 1.0.0
              type: event
              value: {schema: thing.avsc}
              classification: internal
            """;
    private static final Map<String, ListedProduct> LISTED = Map.of("shipping.thing", new ListedProduct("shipping.thing",
            "shipping/thing.product.yaml", DESCRIPTOR, Map.of("thing.avsc", SCHEMA), 1, null, "r1", "User:team-shipping",
            Instant.EPOCH, false));

    @Test
    void theOwnerReapplyingGetsAnAcceptedNoOp() {
        Decision decision = decider().decide(request("User:team-shipping"), LISTED, List.of()).decision();

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.ACCEPTED);
        assertThat(decision.changed()).isFalse();
        assertThat(decision.reasons()).isEmpty();
    }

    @Test
    void anotherDomainsPrincipalIsRefusedEvenANoOp() {
        Decision decision = decider().decide(request("User:team-orders"), LISTED, List.of()).decision();

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.REJECTED);
        assertThat(decision.reasons()).singleElement().asString()
                .contains("principal User:team-orders may not act for domain 'shipping'");
    }

    private static ContractDecider decider() {
        return new ContractDecider(new ContractRegistry() {
            @Override
            public List<String> incompatibilities(String subject, Schema schema, Compatibility level) {
                return List.of();
            }

            @Override
            public int register(String subject, Schema schema, Compatibility level) {
                return 1;
            }
        }, List.of(), new ClusterFacts(1), new ResidencyRules(Optional.empty()), Map::of);
    }

    private static ProductRequest request(String principal) {
        return ProductRequest.apply(principal, "shipping/thing.product.yaml", DESCRIPTOR, Map.of("thing.avsc", SCHEMA));
    }
}
