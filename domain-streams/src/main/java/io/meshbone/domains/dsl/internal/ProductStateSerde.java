package io.meshbone.domains.dsl.internal;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A product's registry serde for an app's own copies of its records (state stores, changelogs, repartition topics).
 *
 * <p>Every stored record is Confluent-framed with the id its writer schema has under the product topic's subject,
 * whatever internal topic it is written to. Plain Avro without that id would tie the stored bytes to the class
 * that wrote them: after a compatible change (a field added in a minor version) the app's new class could no longer
 * read its old state. With the id, the reader resolves the old writer schema to the new class like any consumer.
 */
final class ProductStateSerde<T> implements Serde<T> {

    private final String productTopic;
    private final Serde<T> productSerde;

    ProductStateSerde(String productTopic, Serde<T> productSerde) {
        this.productTopic = productTopic;
        this.productSerde = productSerde;
    }

    @Override
    public Serializer<T> serializer() {
        Serializer<T> serializer = productSerde.serializer();
        return new Serializer<>() {
            @Override
            public byte[] serialize(String topic, T value) {
                return serializer.serialize(productTopic, value);
            }

            @Override
            public byte[] serialize(String topic, Headers headers, T value) {
                return serializer.serialize(productTopic, headers, value);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        Deserializer<T> deserializer = productSerde.deserializer();
        return new Deserializer<>() {
            @Override
            public T deserialize(String topic, byte[] bytes) {
                return deserializer.deserialize(productTopic, bytes);
            }

            @Override
            public T deserialize(String topic, Headers headers, byte[] bytes) {
                return deserializer.deserialize(productTopic, headers, bytes);
            }
        };
    }
}
