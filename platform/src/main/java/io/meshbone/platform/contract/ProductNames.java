package io.meshbone.platform.contract;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
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

    private static final String STAGING_SUFFIX = ".staging";
    private static final String DLQ_SUFFIX = ".dlq";

    /** A lower-kebab name part: {@code order-placed}, {@code orders}, {@code v2-feed}. */
    public static final Pattern NAME_PART = Pattern.compile("[a-z][a-z0-9]*(?:-[a-z0-9]+)*");

    /** {@code <domain>.<product>.v<major>.staging}: every staging topic's name; the gate subscribes by it. */
    public static final Pattern STAGING_TOPIC = Pattern.compile(
            "(" + NAME_PART + ")\\.(" + NAME_PART + ")\\.v(\\d+)" + Pattern.quote(STAGING_SUFFIX));

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

    /**
     * The names of the product whose staging topic is {@code topic}; empty when {@code topic} is not
     * {@code <domain>.<product>.v<major>.staging} or its major does not fit an {@code int}.
     */
    public static Optional<ProductNames> ofStagingTopic(String topic) {
        Matcher matcher = STAGING_TOPIC.matcher(topic);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String digits = matcher.group(3);
        // v01 must not pass as v1: a broker may auto-create any name, but no product's topics are named so.
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            return Optional.empty();
        }
        try {
            return Optional.of(new ProductNames(matcher.group(1), matcher.group(2), Integer.parseInt(digits)));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    /** Whether {@code topic} is named like a staging topic, {@code <...>.staging}. */
    public static boolean isStagingTopic(String topic) {
        return topic.endsWith(STAGING_SUFFIX);
    }

    /** Whether {@code topic} is named like a dead-letter topic, {@code <...>.dlq}; the mesh's own {@code _mesh.unlisted.dlq} is one too. */
    public static boolean isDlqTopic(String topic) {
        return topic.endsWith(DLQ_SUFFIX);
    }

    /**
     * {@code <topic>-key} or {@code <topic>-value}: the subject Confluent's TopicNameStrategy gives the keys or
     * values of any topic.
     */
    public static String subject(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
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
        return topic() + STAGING_SUFFIX;
    }

    /** {@code <topic>.dlq}, the dead-letter topic for records the gate rejects. */
    public String dlqTopic() {
        return topic() + DLQ_SUFFIX;
    }

    /** {@code <topic>-value}, the value subject (Confluent TopicNameStrategy). */
    public String valueSubject() {
        return subject(topic(), false);
    }

    /** {@code <topic>-key}, the key subject; used when the key has an Avro schema. */
    public String keySubject() {
        return subject(topic(), true);
    }

    /** {@code <staging topic>-value}, where the same value schema is registered for producers. */
    public String stagingValueSubject() {
        return subject(stagingTopic(), false);
    }

    /** {@code <staging topic>-key}, where the same key schema is registered for producers. */
    public String stagingKeySubject() {
        return subject(stagingTopic(), true);
    }

    private static void requireNamePart(String what, String value) {
        Objects.requireNonNull(value, what);
        if (!isNamePart(value)) {
            throw new IllegalArgumentException(what + " '" + value + "' is not lower-kebab (expected e.g. order-placed)");
        }
    }
}
