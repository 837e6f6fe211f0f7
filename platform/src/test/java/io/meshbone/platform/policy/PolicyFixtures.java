package io.meshbone.platform.policy;

import java.util.Map;

import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.ProductDescriptors;
import io.meshbone.platform.contract.SchemaFiles;

/** Small contracts and policy documents for the policy tests. */
final class PolicyFixtures {

    static final String SCHEMA = """
            {"type": "record", "name": "Payment", "namespace": "payments", "fields": [
              {"name": "paymentId", "type": "string", "doc": "The payment's id."},
              {"name": "email", "type": "string", "doc": "Who paid.", "tags": ["PII"]},
              {"name": "card", "type": ["null", {"type": "record", "name": "Card", "fields": [
                {"name": "last4", "type": "string"}]}], "default": null, "doc": "The card used."}
            ]}""";

    private PolicyFixtures() {
    }

    static DataProduct product(String classification, String owner, String extraSpec) {
        String yaml = """
                apiVersion: meshbone/v1
                kind: DataProduct
                metadata:
                  name: payment-settled
                  domain: payments
                  owner: %s
                  description: Settled payments.
                  tags: [finance]
                spec:
                  version: 1.0.0
                  type: event
                  key: {field: paymentId}
                  value: {schema: payment.avsc}
                  classification: %s
                  partitions: 3
                %s""".formatted(owner, classification, extraSpec.indent(2));
        return ProductDescriptors.parse("payments/payment-settled.product.yaml", yaml, SchemaFiles.of(Map.of("payment.avsc", SCHEMA)))
                .orThrow();
    }

    /**
     * {@code product} reclassified without the parser's own PII check, as a policy sees a contract that got past it.
     */
    static DataProduct reclassified(DataProduct product, io.meshbone.platform.contract.Classification classification) {
        var spec = product.spec();
        return new DataProduct(product.metadata(), new io.meshbone.platform.contract.ProductSpec(spec.version(), spec.type(),
                spec.key(), spec.value(), spec.compatibility(), classification, spec.partitions(), spec.retention(),
                spec.inputs(), spec.quality(), spec.slo(), spec.consumers()));
    }

    static Policy policy(String owner, String scope, String rule, String effect) {
        String yaml = """
                apiVersion: meshbone/v1
                kind: Policy
                metadata:
                  name: test-policy
                  owner: %s
                  description: A policy under test.
                spec:
                %s
                  rule: '%s'
                  effect: %s
                  message: fix it.
                """.formatted(owner, scope.isEmpty() ? "" : scope.indent(2).stripTrailing(), rule, effect);
        return Policies.parse("test.policy.yaml", yaml).orThrow().withVersion(1);
    }
}
