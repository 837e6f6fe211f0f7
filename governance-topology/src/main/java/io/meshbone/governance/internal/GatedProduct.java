package io.meshbone.governance.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.KeySpec;
import io.meshbone.platform.contract.ProductNames;
import io.meshbone.platform.contract.ProductType;
import io.meshbone.platform.control.ListedProduct;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.avro.Schema;

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
    // Asked for on every record: ProductNames and the key spec would build these strings and answers anew each time.
    private final String productName;
    private final String valueSubject;
    private final String keySubject;
    private final boolean entity;
    private final String keyField;
    private final boolean avroKey;
    private final List<QualityRuleProgram> rules;
    private final HeaderValues headerValues;
    private final MeterRegistry meters;
    private final Counter recordsIn;
    private final Counter recordsOut;
    private final Timer latency;
    private final Map<GateError, Counter> dlqCounters = new ConcurrentHashMap<>();
    private final Map<String, Counter> warningCounters = new ConcurrentHashMap<>();
    // Null when some rule is not a one-field comparison, or keys are Avro: such products' records are always decoded in full.
    private final List<String> scannedFields;
    private final Map<Integer, Optional<FieldScan>> scans = new ConcurrentHashMap<>();
    // Shared by the stream threads: a volatile reference to an immutable pair.
    private volatile SchemaScan lastScan;

    public GatedProduct(ListedProduct listing, DataProduct contract, MeterRegistry meters) {
        this.listing = listing;
        this.contract = contract;
        this.names = contract.names();
        this.productName = names.productName();
        this.valueSubject = names.valueSubject();
        this.keySubject = names.keySubject();
        this.entity = contract.spec().type() == ProductType.ENTITY;
        this.keyField = contract.spec().key().filter(KeySpec.FieldKey.class::isInstance)
                .map(key -> ((KeySpec.FieldKey) key).field()).orElse(null);
        this.avroKey = contract.spec().key().filter(KeySpec.SchemaKey.class::isInstance).isPresent();
        this.rules = contract.spec().quality().stream().map(QualityRuleProgram::compile).toList();
        this.scannedFields = avroKey || rules.stream().anyMatch(rule -> rule.comparison() == null) ? null
                : rules.stream().map(rule -> rule.comparison().field()).toList();
        this.headerValues = new HeaderValues(names.productName(), names.domain(), String.join(",", contract.spec().inputs()));
        this.meters = meters;
        String product = productName;
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

    /** {@code <domain>.<product>}. */
    public String productName() {
        return productName;
    }

    /** The registry subject of the product topic's values. */
    public String valueSubject() {
        return valueSubject;
    }

    /** The registry subject of the product topic's Avro keys. */
    public String keySubject() {
        return keySubject;
    }

    public List<QualityRuleProgram> rules() {
        return rules;
    }

    public boolean entity() {
        return entity;
    }

    /** The value field the key must equal, or null when keys are Avro or absent. */
    public String keyField() {
        return keyField;
    }

    public boolean avroKey() {
        return avroKey;
    }

    /**
     * The scan reading just what this product's checks read from a value of {@code schema}, registered as
     * {@code schemaId} (an id names one schema for good), or null when its records must be decoded in full.
     */
    FieldScan fieldScan(int schemaId, Schema schema) {
        if (scannedFields == null) {
            return null;
        }
        // A product's records nearly all carry its latest id: that one is answered without boxing or hashing.
        SchemaScan last = lastScan;
        if (last != null && last.id() == schemaId) {
            return last.scan();
        }
        FieldScan scan = scans.computeIfAbsent(schemaId, unused -> FieldScan.of(schema, keyField, scannedFields)).orElse(null);
        lastScan = new SchemaScan(schemaId, scan);
        return scan;
    }

    private record SchemaScan(int id, FieldScan scan) {
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

    // Registered on first use, as before, then found here: a registry lookup builds and sorts the tags every time.
    public Counter dlq(GateError error) {
        return dlqCounters.computeIfAbsent(error, code -> meters.counter("mesh.gate.records.dlq", "product", productName,
                "code", code.name()));
    }

    public Counter ruleWarnings(String rule) {
        return warningCounters.computeIfAbsent(rule, name -> meters.counter("mesh.gate.rule.warnings", "product", productName,
                "rule", name));
    }
}
