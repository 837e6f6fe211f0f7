package io.meshbone.platform.contract;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a data product carries and how: the descriptor's {@code spec} block.
 *
 * @param version        semantic version; the major is the topic generation
 * @param type           event (deleted by retention) or entity (compacted)
 * @param key            how records are keyed; always present for entities
 * @param value          the value's Avro schema
 * @param compatibility  the schema compatibility level for new versions
 * @param classification who may read the product
 * @param partitions     the product topic's partition count
 * @param retention      how long events are kept; empty for the broker default and for entities
 * @param inputs         the upstream product names this product is derived from
 * @param quality        rules every record must meet
 * @param slo            promised service levels, if any
 * @param consumers      the domains or teams known to consume the product
 * @param residency      the regions the product's topics and every copy of its records must stay in;
 *                       empty when the product may be served anywhere
 */
public record ProductSpec(
        SemVer version,
        ProductType type,
        Optional<KeySpec> key,
        AvroSchemaFile value,
        Compatibility compatibility,
        Classification classification,
        int partitions,
        Optional<Duration> retention,
        List<String> inputs,
        List<QualityRule> quality,
        Optional<Slo> slo,
        List<String> consumers,
        List<String> residency) {

    public ProductSpec {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(compatibility, "compatibility");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(slo, "slo");
        inputs = List.copyOf(inputs);
        quality = List.copyOf(quality);
        consumers = List.copyOf(consumers);
        residency = List.copyOf(residency);
    }

    /** A spec without residency: the product may be served on any cluster. */
    public ProductSpec(SemVer version, ProductType type, Optional<KeySpec> key, AvroSchemaFile value,
                       Compatibility compatibility, Classification classification, int partitions,
                       Optional<Duration> retention, List<String> inputs, List<QualityRule> quality,
                       Optional<Slo> slo, List<String> consumers) {
        this(version, type, key, value, compatibility, classification, partitions, retention, inputs, quality, slo,
                consumers, List.of());
    }

    /** Whether the product's records must stay in some regions. */
    public boolean resident() {
        return !residency.isEmpty();
    }
}
