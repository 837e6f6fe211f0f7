package io.meshbone.domains.dsl.internal;

import java.util.Map;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Turns an {@link Error} thrown while deserializing one record (a stack overflow on a deeply nested value, an
 * allocation a corrupt length asks for) into a {@link SerializationException}, so Kafka Streams hands the record
 * to {@link UnreadableRecordHandler}, which skips and counts it, instead of the error killing the stream thread
 * (Streams catches only exceptions there).
 */
public final class ErrorContainingDeserializer<T> implements Deserializer<T> {

    private final Deserializer<T> inner;

    public ErrorContainingDeserializer(Deserializer<T> inner) {
        this.inner = inner;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        inner.configure(configs, isKey);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        try {
            return inner.deserialize(topic, data);
        } catch (Error e) {
            throw unreadable(topic, e);
        }
    }

    @Override
    public T deserialize(String topic, Headers headers, byte[] data) {
        try {
            return inner.deserialize(topic, headers, data);
        } catch (Error e) {
            throw unreadable(topic, e);
        }
    }

    private static SerializationException unreadable(String topic, Error e) {
        return new SerializationException("a record on " + topic + " cannot be read: deserializing it threw " + e, e);
    }

    @Override
    public void close() {
        inner.close();
    }
}
