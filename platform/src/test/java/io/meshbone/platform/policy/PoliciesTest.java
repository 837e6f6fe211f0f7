package io.meshbone.platform.policy;

import static io.meshbone.platform.policy.PolicyFixtures.policy;
import static io.meshbone.platform.policy.PolicyFixtures.product;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import io.meshbone.platform.contract.Classification;
import io.meshbone.platform.contract.DataProduct;
import org.junit.jupiter.api.Test;

class PoliciesTest {

    private static final ClusterFacts ONE_BROKER = new ClusterFacts(1);
    private static final DataProduct CONFIDENTIAL = product("confidential", "team-payments@example.com", "slo: {freshness: 5m}");

    @Test
    void aRuleThatHoldsIsNoViolation() {
        assertThat(Policies.evaluate(List.of(policy("mesh", "", "product.metadata.domain == \"payments\"", "deny")),
                CONFIDENTIAL, Optional.empty(), ONE_BROKER)).isEmpty();
    }

    @Test
    void aFalseRuleIsAViolationNamingThePolicyAndVersion() {
        List<PolicyViolation> violations = Policies.evaluate(List.of(policy("mesh", "", "product.spec.partitions >= 6", "deny")),
                CONFIDENTIAL, Optional.empty(), ONE_BROKER);

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.denies()).isTrue();
            assertThat(v.reason()).isEqualTo("policy test-policy v1: fix it.");
        });
    }

    @Test
    void aWarnPolicyViolationDoesNotDeny() {
        assertThat(Policies.evaluate(List.of(policy("mesh", "", "false", "warn")), CONFIDENTIAL, Optional.empty(), ONE_BROKER))
                .singleElement().satisfies(v -> assertThat(v.denies()).isFalse());
    }

    @Test
    void seesFieldsWithTypesDocsTagsAndNestedPaths() {
        assertThat(holds("fields.exists(f, f.path == \"card.last4\" && f.doc == \"\" && f.type == \"string\")")).isTrue();
        assertThat(holds("fields.exists(f, f.name == \"email\" && \"PII\" in f.tags && f.schema == \"value\")")).isTrue();
        assertThat(holds("fields.exists(f, f.name == \"card\" && f.optional && f.type == \"payments.Card\")")).isTrue();
        assertThat(holds("fields.all(f, f.doc != \"\")")).isFalse();
    }

    @Test
    void seesDescriptorFieldsWithDurationsAndMissingOptionalOnes() {
        assertThat(holds("product.spec.slo.freshness <= duration(\"10m\") && product.spec.key.field == \"paymentId\"")).isTrue();
        assertThat(holds("product.name == \"payments.payment-settled\" && product.spec.type == \"event\"")).isTrue();
        assertThat(holds("!has(product.spec.retention) && product.spec.classification == \"confidential\"")).isTrue();
        assertThat(holds("\"finance\" in product.metadata.tags && product.spec.major == 1")).isTrue();
    }

    @Test
    void seesThePreviousVersionOrNull() {
        DataProduct previous = product("confidential", "team-payments@example.com", "slo: {freshness: 1m}");
        Policy slower = policy("mesh", "", "previous == null || product.spec.slo.freshness <= previous.spec.slo.freshness", "deny");

        assertThat(Policies.evaluate(List.of(slower), CONFIDENTIAL, Optional.of(previous), ONE_BROKER)).hasSize(1);
        assertThat(Policies.evaluate(List.of(slower), CONFIDENTIAL, Optional.empty(), ONE_BROKER)).isEmpty();
        assertThat(Policies.evaluate(List.of(policy("mesh", "", "previous.fields.size() == fields.size()", "deny")),
                CONFIDENTIAL, Optional.of(previous), ONE_BROKER)).isEmpty();
    }

    @Test
    void seesTheCluster() {
        Policy replicas = policy("mesh", "", "cluster.brokers < 2 || cluster.replication >= 3", "deny");

        assertThat(Policies.evaluate(List.of(replicas), CONFIDENTIAL, Optional.empty(), new ClusterFacts(2))).hasSize(1);
        assertThat(Policies.evaluate(List.of(replicas), CONFIDENTIAL, Optional.empty(), new ClusterFacts(3))).isEmpty();
        assertThat(Policies.evaluate(List.of(replicas), CONFIDENTIAL, Optional.empty(), ONE_BROKER)).isEmpty();
    }

    @Test
    void onlyPoliciesInScopeAreEvaluated() {
        assertThat(Policies.evaluate(List.of(
                policy("mesh", "scope: {domains: [orders]}", "false", "deny"),
                policy("mesh", "scope: {tags: [sales]}", "false", "deny"),
                policy("mesh", "scope: {classifications: [public]}", "false", "deny"),
                policy("payments", "", "false", "deny")), CONFIDENTIAL, Optional.empty(), ONE_BROKER))
                .singleElement().satisfies(v -> assertThat(v.policy().owner()).isEqualTo("payments"));
    }

    @Test
    void aRuleThatCannotBeEvaluatedIsAViolationSayingWhy() {
        DataProduct withoutSlo = product("confidential", "team-payments@example.com", "");

        assertThat(Policies.evaluate(List.of(policy("mesh", "", "product.spec.slo.freshness < duration(\"1h\")", "deny")),
                withoutSlo, Optional.empty(), ONE_BROKER)).singleElement().asString().contains("could not be evaluated");
    }

    @Test
    void theDefaultSetCatchesWhatItPromises() {
        List<Policy> defaults = Policies.defaults().stream()
                .map(d -> Policies.parse(d.file(), d.yaml()).orThrow().withVersion(1)).toList();

        List<String> failed = Policies.evaluate(defaults, PolicyFixtures.reclassified(product("confidential", "payments-team", ""),
                Classification.INTERNAL), Optional.empty(),
                new ClusterFacts(2)).stream().map(v -> v.policy().name()).toList();
        assertThat(failed).containsExactly("pii-needs-confidential", "every-field-has-doc",
                "freshness-slo-for-public-and-internal", "owner-is-email");
        assertThat(Policies.evaluate(defaults, product("restricted", "team-payments@example.com", ""), Optional.empty(),
                new ClusterFacts(2))).extracting(v -> v.policy().name())
                .containsExactly("every-field-has-doc", "restricted-keeps-three-replicas");
    }

    private static boolean holds(String rule) {
        return Policies.evaluate(List.of(policy("mesh", "", rule.replace("'", "\\'"), "deny")), CONFIDENTIAL, Optional.empty(),
                ONE_BROKER).isEmpty();
    }
}
