package io.meshbone.governance.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import io.meshbone.platform.contract.ProductNames;
import io.meshbone.platform.lineage.LineageHeaders;

/**
 * What the gate works out from a staging topic's name once instead of on every record: the product it names, and the
 * {@code mesh.source} header's {@code topic/partition/} prefix per partition, so a record's header is that prefix and
 * its offset's digits written straight into one array.
 *
 * <p>One instance per stream task's processor: not shared across threads.
 */
final class StagingTopic {

    private final String topic;
    private final Optional<ProductNames> names;
    private final String productName;
    private byte[][] sourcePrefixes = new byte[0][];

    private StagingTopic(String topic) {
        this.topic = topic;
        this.names = ProductNames.ofStagingTopic(topic);
        this.productName = names.map(ProductNames::productName).orElse(null);
    }

    static StagingTopic of(String topic) {
        return new StagingTopic(topic);
    }

    /** The staging topic's name. */
    String topic() {
        return topic;
    }

    /** The product version the topic's name stands for; empty when its major is not an int without leading zeros. */
    Optional<ProductNames> names() {
        return names;
    }

    /** {@code <domain>.<product>}, or null when {@link #names()} is empty. */
    String productName() {
        return productName;
    }

    /** {@link LineageHeaders#source} of a record read at this partition and offset, as UTF-8. */
    byte[] source(int partition, long offset) {
        if (partition < 0 || offset < 0) {
            return LineageHeaders.source(topic, partition, offset).getBytes(StandardCharsets.UTF_8);
        }
        byte[] prefix = prefix(partition);
        int digits = digits(offset);
        byte[] source = Arrays.copyOf(prefix, prefix.length + digits);
        for (int at = source.length - 1; at >= prefix.length; at--) {
            source[at] = (byte) ('0' + offset % 10);
            offset /= 10;
        }
        return source;
    }

    private byte[] prefix(int partition) {
        if (partition >= sourcePrefixes.length) {
            sourcePrefixes = Arrays.copyOf(sourcePrefixes, partition + 1);
        }
        byte[] prefix = sourcePrefixes[partition];
        if (prefix == null) {
            prefix = (topic + "/" + partition + "/").getBytes(StandardCharsets.UTF_8);
            sourcePrefixes[partition] = prefix;
        }
        return prefix;
    }

    // Compared, not divided: a division per digit showed in profiles.
    private static int digits(long value) {
        int digits = 1;
        for (long power = 10; digits < 19 && value >= power; power *= 10) {
            digits++;
        }
        return digits;
    }
}
