package io.meshbone.platform.contract;

import java.util.Objects;

/**
 * A data product's contract, as read from its {@code *.product.yaml} descriptor with its schemas resolved.
 *
 * @param metadata who owns the product and what it is
 * @param spec     what it carries and how
 */
public record DataProduct(ProductMetadata metadata, ProductSpec spec) {

    /** The descriptor's {@code apiVersion}. */
    public static final String API_VERSION = "meshbone/v1";
    /** The descriptor's {@code kind}. */
    public static final String KIND = "DataProduct";

    public DataProduct {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(spec, "spec");
    }

    /** {@code <domain>.<product>}, e.g. {@code orders.order-placed}. */
    public String name() {
        return names().productName();
    }

    /** The schema files the descriptor names, relative to it: the value's, then the key's when keys are Avro. */
    public java.util.List<String> schemaFiles() {
        java.util.List<String> files = new java.util.ArrayList<>(java.util.List.of(spec.value().file()));
        spec.key().filter(KeySpec.SchemaKey.class::isInstance).ifPresent(key -> files.add(((KeySpec.SchemaKey) key).schema().file()));
        return java.util.List.copyOf(files);
    }

    /** The topics and subjects derived from this product. */
    public ProductNames names() {
        return ProductNames.of(this);
    }
}
