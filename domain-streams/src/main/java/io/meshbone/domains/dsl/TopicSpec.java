package io.meshbone.domains.dsl;

import java.util.Objects;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * A topic with the serdes of its keys and values, read by every {@code Consumed}/{@code Produced} of a topology.
 *
 * @param name       the topic name
 * @param keySerde   the key serde
 * @param valueSerde the value serde
 * @param timestamps where a record's event time comes from, or null for the record timestamp
 */
public record TopicSpec<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, TimestampExtractor timestamps) {

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
    }

    /** A topic whose event time is the record timestamp. */
    public TopicSpec(String name, Serde<K> keySerde, Serde<V> valueSerde) {
        this(name, keySerde, valueSerde, null);
    }

    /** {@code Consumed} with these serdes and a source processor named {@code <topic>-source}. */
    public Consumed<K, V> consumed() {
        Consumed<K, V> consumed = Consumed.with(keySerde, valueSerde).withName(name + "-source");
        return timestamps == null ? consumed : consumed.withTimestampExtractor(timestamps);
    }

    /** {@code Produced} with these serdes and a sink processor named {@code <topic>-sink}. */
    public Produced<K, V> produced() {
        return Produced.with(keySerde, valueSerde).withName(name + "-sink");
    }
}
