package io.meshbone.domains.dsl;

import java.util.Objects;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * A topic with the serdes of its keys and values, read by every {@code Consumed}/{@code Produced} of a topology.
 *
 * @param name       the topic name
 * @param keySerde   the key serde
 * @param valueSerde the value serde
 */
public record TopicSpec<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
    }

    /** {@code Consumed} with these serdes and a source processor named {@code <topic>-source}. */
    public Consumed<K, V> consumed() {
        return Consumed.with(keySerde, valueSerde).withName(name + "-source");
    }

    /** {@code Produced} with these serdes and a sink processor named {@code <topic>-sink}. */
    public Produced<K, V> produced() {
        return Produced.with(keySerde, valueSerde).withName(name + "-sink");
    }
}
