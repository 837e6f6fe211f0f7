package io.meshbone.governance.internal;

import java.util.List;

import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.KeySpec;
import io.meshbone.platform.contract.ProductNames;
import io.meshbone.platform.contract.ProductType;
import io.meshbone.platform.control.ListedProduct;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * One listed product version as the gate needs it: its contract, names, compiled rules and meters.
 *
 * <p>Built once per listing (the contract is parsed and every rule compiled once), then shared by
 * every record of that product.
 */
public final class GatedProduct {

    private final ListedProduct listing;
    private final DataProduct contract;
    private final ProductNames names;
    private final List<QualityRuleProgram> rules;
    private final HeaderValues headerValues;
    private final MeterRegistry meters;
    private final Counter recordsIn;
    private final Counter recordsOut;
    private final Timer latency;

    public GatedProduct(ListedProduct listing, DataProduct contract, MeterRegistry meters) {
        this.listing = listing;
        this.contract = contract;
        this.names = contract.names();
        this.rules = contract.spec().quality().stream().map(QualityRuleProgram::compile).toList();
        this.headerValues = new HeaderValues(names.productName(), names.domain(), String.join(",", contract.spec().inputs()));
        this.meters = meters;
        String product = names.productName();
        this.recordsIn = meters.counter("mesh.gate.records.in", "product", product);
        this.recordsOut = meters.counter("mesh.gate.records.out", "product", product);
        this.latency = Timer.builder("mesh.gate.latency")
                .description("time from the staged record's timestamp to the gate's decision")
                .tag("product", product)
                .register(meters);
    }

    public ListedProduct listing() {
        return listing;
    }

    public DataProduct contract() {
        return contract;
    }

    public ProductNames names() {
        return names;
    }

    public List<QualityRuleProgram> rules() {
        return rules;
    }

    public boolean entity() {
        return contract.spec().type() == ProductType.ENTITY;
    }

    /** The value field the key must equal, or null when keys are Avro or absent. */
    public String keyField() {
        return contract.spec().key().filter(KeySpec.FieldKey.class::isInstance)
                .map(key -> ((KeySpec.FieldKey) key).field()).orElse(null);
    }

    public boolean avroKey() {
        return contract.spec().key().filter(KeySpec.SchemaKey.class::isInstance).isPresent();
    }

    /** The lineage header values of this product, encoded once. */
    public HeaderValues headerValues() {
        return headerValues;
    }

    public Counter recordsIn() {
        return recordsIn;
    }

    public Counter recordsOut() {
        return recordsOut;
    }

    public Timer latency() {
        return latency;
    }

    public Counter dlq(GateError error) {
        return meters.counter("mesh.gate.records.dlq", "product", names.productName(), "code", error.name());
    }

    public Counter ruleWarnings(String rule) {
        return meters.counter("mesh.gate.rule.warnings", "product", names.productName(), "rule", rule);
    }
}
