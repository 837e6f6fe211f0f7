package io.meshbone.platform.contract;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The public names derived from a data product: its name, topics and schema subjects.
 *
 * <p>This is the one place these names are made; the gate, the registry and the catalog all call it.
 *
 * @param domain  the owning domain, lower-kebab
 * @param product the product's name within the domain, lower-kebab
 * @param major   the major version, which is the topic generation
 */
public record ProductNames(String domain, String product, int major) {

    /** A lower-kebab name part: {@code order-placed}, {@code orders}, {@code v2-feed}. */
    public static final Pattern NAME_PART = Pattern.compile("[a-z][a-z0-9]*(?:-[a-z0-9]+)*");

    public ProductNames {
        requireNamePart("domain", domain);
        requireNamePart("product", product);
        if (major < 0) {
            throw new IllegalArgumentException("major must not be negative: " + major);
        }
    }

    /** The names of {@code product}. */
    public static ProductNames of(DataProduct product) {
        return new ProductNames(product.metadata().domain(), product.metadata().name(),
                product.spec().version().major());
    }

    /** Whether {@code text} is a lower-kebab name part such as {@code order-placed}. */
    public static boolean isNamePart(String text) {
        return text != null && NAME_PART.matcher(text).matches();
    }

    /** Whether {@code text} is a product name {@code <domain>.<product>} such as {@code orders.order-placed}. */
    public static boolean isProductName(String text) {
        if (text == null) {
            return false;
        }
        int dot = text.indexOf('.');
        return dot > 0 && isNamePart(text.substring(0, dot)) && isNamePart(text.substring(dot + 1));
    }

    /** {@code <domain>.<product>}, the name consumers subscribe by. */
    public String productName() {
        return domain + "." + product;
    }

    /** {@code <domain>.<product>.v<major>}, the topic the gate publishes accepted records to. */
    public String topic() {
        return productName() + ".v" + major;
    }

    /** {@code <topic>.staging}, the topic producers write to and the gate reads. */
    public String stagingTopic() {
        return topic() + ".staging";
    }

    /** {@code <topic>.dlq}, the dead-letter topic for records the gate rejects. */
    public String dlqTopic() {
        return topic() + ".dlq";
    }

    /** {@code <topic>-value}, the value subject (Confluent TopicNameStrategy). */
    public String valueSubject() {
        return topic() + "-value";
    }

    /** {@code <topic>-key}, the key subject; used when the key has an Avro schema. */
    public String keySubject() {
        return topic() + "-key";
    }

    /** {@code <staging topic>-value}, where the same value schema is registered for producers. */
    public String stagingValueSubject() {
        return stagingTopic() + "-value";
    }

    /** {@code <staging topic>-key}, where the same key schema is registered for producers. */
    public String stagingKeySubject() {
        return stagingTopic() + "-key";
    }

    private static void requireNamePart(String what, String value) {
        Objects.requireNonNull(value, what);
        if (!isNamePart(value)) {
            throw new IllegalArgumentException(what + " '" + value + "' is not lower-kebab (expected e.g. order-placed)");
        }
    }
}
