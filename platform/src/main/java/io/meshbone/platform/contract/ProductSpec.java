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
        List<String> consumers) {

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
    }
}
