package io.meshbone.platform.serde;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.meshbone.platform.contract.ProductNames;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;

/** How a serializer names the subject of a record's schema, as Confluent's three built-in strategies do. */
public enum SubjectNameStrategy {
    /** {@code <topic>-key} or {@code <topic>-value}: one schema history per topic (the default). */
    TOPIC_NAME("TopicNameStrategy"),
    /** The record's full name: one history per record type, shared by every topic. */
    RECORD_NAME("RecordNameStrategy"),
    /** {@code <topic>-<record full name>}: one history per record type and topic. */
    TOPIC_RECORD_NAME("TopicRecordNameStrategy");

    private static final List<String> PACKAGES = List.of("io.confluent.kafka.serializers.subject.",
            "io.meshbone.platform.serde.");

    private final String className;

    SubjectNameStrategy(String className) {
        this.className = className;
    }

    public String subject(String topic, boolean isKey, Schema schema) {
        return switch (this) {
            case TOPIC_NAME -> ProductNames.subject(topic, isKey);
            case RECORD_NAME -> recordName(schema);
            case TOPIC_RECORD_NAME -> topic + "-" + recordName(schema);
        };
    }

    private static String recordName(Schema schema) {
        Schema.Type type = schema.getType();
        if (type != Schema.Type.RECORD && type != Schema.Type.ENUM && type != Schema.Type.FIXED) {
            throw new org.apache.kafka.common.errors.SerializationException(
                    "Record name strategies need a named Avro type (record, enum, fixed), got " + type);
        }
        return schema.getFullName();
    }

    /** Every accepted spelling: the short class name, Confluent's and our fully qualified names, the enum name. */
    public static List<String> names() {
        return Arrays.stream(values()).flatMap(s -> Stream.concat(Stream.of(s.className, s.name()),
                PACKAGES.stream().map(p -> p + s.className))).toList();
    }

    /** Parses any spelling from {@link #names()}. */
    public static SubjectNameStrategy of(String name) {
        String trimmed = name.trim();
        for (SubjectNameStrategy strategy : values()) {
            if (strategy.name().equals(trimmed.toUpperCase(Locale.ROOT)) || strategy.className.equals(trimmed)
                    || PACKAGES.stream().anyMatch(p -> (p + strategy.className).equals(trimmed))) {
                return strategy;
            }
        }
        throw new ConfigException("subject name strategy", name, "expected one of " + names());
    }
}
