package io.meshbone.platform.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.meshbone.platform.contract.Problem;
import org.junit.jupiter.api.Test;

class PolicyParserTest {

    @Test
    void readsAFullPolicyDocument() {
        Policy policy = Policies.parse("p.policy.yaml", """
                apiVersion: meshbone/v1
                kind: Policy
                metadata:
                  name: finance-keeps-a-year
                  owner: mesh
                  description: Finance products keep a year of events.
                spec:
                  scope: {domains: [payments, orders], tags: [finance], classifications: [internal, Confidential]}
                  rule: 'has(product.spec.retention) && product.spec.retention >= duration("8760h")'
                  effect: warn
                  message: keep finance events for a year.
                """).orThrow();

        assertThat(policy).isEqualTo(new Policy("finance-keeps-a-year", 0, "mesh", "Finance products keep a year of events.",
                new PolicyScope(List.of("payments", "orders"), List.of("finance"), List.of("internal", "confidential")),
                "has(product.spec.retention) && product.spec.retention >= duration(\"8760h\")", PolicyEffect.WARN,
                "keep finance events for a year."));
        assertThat(policy.meshWide()).isTrue();
    }

    @Test
    void aMeshWidePolicyWithoutScopeCoversEveryDomainAndAllMeansTheSame() {
        assertThat(PolicyFixtures.policy("mesh", "", "true", "deny").scope()).isEqualTo(PolicyScope.ALL);
        assertThat(PolicyFixtures.policy("mesh", "scope: {domains: all}", "true", "deny").scope()).isEqualTo(PolicyScope.ALL);
    }

    @Test
    void aDomainPolicyIsScopedToItsOwnDomain() {
        assertThat(PolicyFixtures.policy("orders", "", "true", "deny").scope().domains()).containsExactly("orders");
        assertThat(PolicyFixtures.policy("orders", "scope: {domains: [orders], tags: [sales]}", "true", "deny").scope())
                .isEqualTo(new PolicyScope(List.of("orders"), List.of("sales"), List.of()));
    }

    @Test
    void refusesADomainPolicyReachingIntoAnotherDomain() {
        assertThat(problems("orders", "scope: {domains: [orders, payments]}", "true", "deny"))
                .singleElement().asString().contains("spec.scope.domains").contains("beyond the owning domain 'orders'");
    }

    @Test
    void reportsEveryProblemAgainstItsField() {
        List<Problem> problems = Policies.parse("bad.policy.yaml", """
                apiVersion: meshbone/v2
                kind: Policy
                metadata:
                  name: Not_Kebab
                  owner: mesh
                spec:
                  scope: {classifications: [secret], tagz: [x]}
                  rule: 'product.metadata.owner +'
                  effect: block
                """).problems();

        assertThat(problems).extracting(Problem::path).containsExactlyInAnyOrder("apiVersion", "metadata.name",
                "metadata.description", "spec.scope.tagz", "spec.scope.classifications[0]", "spec.rule", "spec.effect",
                "spec.message");
        assertThat(problems).allSatisfy(p -> assertThat(p.file()).isEqualTo("bad.policy.yaml"));
        assertThat(problems).filteredOn(p -> p.path().equals("spec.effect")).singleElement().asString()
                .contains("'block' is not an effect (expected one of deny, warn)");
        assertThat(problems).filteredOn(p -> p.path().equals("spec.rule")).singleElement().asString()
                .contains("is not a valid CEL rule").contains("at 1:");
    }

    @Test
    void refusesARuleThatIsNotABool() {
        assertThat(problems("mesh", "", "fields.size()", "deny")).singleElement().asString()
                .contains("spec.rule").contains("not a valid CEL rule");
    }

    @Test
    void refusesARuleOverTheCostLimitLikeAQualityRule() {
        assertThat(problems("mesh", "", "fields.all(a, fields.all(b, fields.all(c, fields.all(d, a.name != d.name))))", "deny"))
                .singleElement().asString().contains("spec.rule").contains("over the limit of 1000000");
    }

    @Test
    void pointsAtTheLineOfAYamlSyntaxError() {
        assertThat(Policies.parse("broken.policy.yaml", "apiVersion: meshbone/v1\nkind: [Policy\n").problems())
                .singleElement().asString().startsWith("broken.policy.yaml: (file): not valid YAML at line 2");
    }

    @Test
    void theDefaultSetParses() {
        assertThat(Policies.defaults()).extracting(Policies.Document::file).containsExactly(
                "pii-needs-confidential.policy.yaml", "every-field-has-doc.policy.yaml",
                "freshness-slo-for-public-and-internal.policy.yaml", "owner-is-email.policy.yaml",
                "restricted-keeps-three-replicas.policy.yaml");
        assertThat(Policies.defaults()).allSatisfy(d -> assertThat(Policies.parse(d.file(), d.yaml()).problems()).isEmpty());
    }

    private static List<Problem> problems(String owner, String scope, String rule, String effect) {
        String yaml = """
                apiVersion: meshbone/v1
                kind: Policy
                metadata: {name: p, owner: %s, description: d}
                spec:
                %s
                  rule: '%s'
                  effect: %s
                  message: m
                """.formatted(owner, scope.isEmpty() ? "" : scope.indent(2).stripTrailing(), rule, effect);
        return Policies.parse("p.policy.yaml", yaml).problems();
    }
}
