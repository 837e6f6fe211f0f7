package io.meshbone.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import io.meshbone.platform.control.ListedProduct;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.platform.control.ProductRequest;
import org.junit.jupiter.api.Test;

/** Which pending contract requests may be decided at once against one snapshot of the listings. */
class DecisionGroupTest {

    private static final String AVSC = "{\"type\": \"record\", \"name\": \"V\", \"namespace\": \"t\", \"fields\": "
            + "[{\"name\": \"id\", \"type\": \"string\", \"doc\": \"Id.\"}]}";
    private static final Map<String, ListedProduct> LISTED = Map.of("up.stream", new ListedProduct("up.stream",
            "s.product.yaml", "", Map.of(), 1, null, "r", "User:up", Instant.now(), false));

    @Test
    void independentProductsOfOnePrincipalJoinOneGroup() {
        DecisionGroup group = new DecisionGroup(LISTED);

        assertThat(group.add(decision(request("User:a", "orders", "one", "up.stream")))).isTrue();
        assertThat(group.add(decision(request("User:a", "orders", "two", "")))).isTrue();
        assertThat(group.add(decision(request("User:b", "billing", "three", "up.stream")))).isTrue();
        assertThat(group.add(unreadable())).as("an unreadable request reads and lists nothing").isTrue();
        assertThat(group.members()).hasSize(4);
    }

    @Test
    void aRequestThatCouldReadWhatAMemberListsStartsTheNextGroup() {
        assertThat(afterFirst(request("User:a", "orders", "one", ""))).as("the same product").isFalse();
        assertThat(afterFirst(request("User:a", "orders", "two", "orders.one"))).as("an input a member lists").isFalse();
        assertThat(afterFirst(request("User:a", "billing", "two", "no.such"))).as("an input nothing lists").isFalse();
        assertThat(afterFirst(request("User:b", "orders", "two", ""))).as("the domain, another principal").isFalse();
        assertThat(afterFirst(ProductRequest.retire("User:a", "billing.x"))).as("a retirement").isFalse();
        assertThat(afterFirst(ProductRequest.apply("User:a", "two.product.yaml", "not: a descriptor", Map.of())))
                .as("a descriptor that does not parse").isFalse();
    }

    @Test
    void aRetirementIsDecidedAlone() {
        DecisionGroup group = new DecisionGroup(LISTED);

        assertThat(group.add(decision(ProductRequest.retire("User:up", "up.stream")))).isTrue();
        assertThat(group.add(decision(request("User:a", "orders", "one", "")))).isFalse();
    }

    private static boolean afterFirst(ProductRequest next) {
        DecisionGroup group = new DecisionGroup(LISTED);
        assertThat(group.add(decision(request("User:a", "orders", "one", "")))).isTrue();
        return group.add(decision(next));
    }

    private static ProductRequest request(String principal, String domain, String name, String inputs) {
        return ProductRequest.apply(principal, name + ".product.yaml", """
                apiVersion: meshbone/v1
                kind: DataProduct
                metadata: {name: %s, domain: %s, owner: t@example.com, description: A product.}
                spec:
                  version: 1.0.0
                  type: event
                  key: {field: id}
                  value: {schema: v.avsc}
                  compatibility: BACKWARD
                  classification: internal
                  partitions: 1
                  inputs: [%s]
                """.formatted(name, domain, inputs), Map.of("v.avsc", AVSC));
    }

    private static PendingDecision unreadable() {
        return PendingDecision.of(new PendingRequest("k", "not json".getBytes(StandardCharsets.UTF_8), 0, "t", 0, 0));
    }

    private static PendingDecision decision(ProductRequest request) {
        try {
            return PendingDecision.of(new PendingRequest("k", MeshJson.write(request).getBytes(StandardCharsets.UTF_8), 0, "t", 0, 0));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
