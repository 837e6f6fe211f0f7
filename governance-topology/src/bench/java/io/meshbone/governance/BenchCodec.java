package io.meshbone.governance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One codec of {@code -Dbench.compression}: a {@code compression.type}, optionally with a level after a colon
 * ({@code gzip:1}, {@code zstd:3}, {@code lz4:9}), applied as {@code compression.<type>.level} (KIP-390) to the
 * producer of every app and to the output topics, like the codec itself.
 *
 * @param type  the producer's {@code compression.type} ({@code none}, {@code gzip}, {@code snappy}, {@code lz4}, {@code zstd})
 * @param level the codec's level, or null for Kafka's default
 */
record BenchCodec(String type, Integer level) {

    /** The codecs Kafka 4.1 takes a level for, each with its own {@code compression.<type>.level} config. */
    private static final List<String> LEVELLED = List.of("gzip", "lz4", "zstd");
    private static final List<String> TYPES = List.of("none", "gzip", "snappy", "lz4", "zstd");

    /** {@code type} or {@code type:level}; a clear error naming the setting for anything else. */
    static BenchCodec parse(String codec) {
        int colon = codec.indexOf(':');
        String type = colon < 0 ? codec : codec.substring(0, colon);
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("bench.compression: '" + codec + "' names no codec; expected one of " + TYPES
                    + ", optionally with a level after a colon (gzip:1)");
        }
        if (colon < 0) {
            return new BenchCodec(type, null);
        }
        if (!LEVELLED.contains(type)) {
            throw new IllegalArgumentException("bench.compression: '" + codec + "': Kafka takes a level only for " + LEVELLED);
        }
        try {
            return new BenchCodec(type, Integer.parseInt(codec.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bench.compression: '" + codec + "': the level after the colon must be an int", e);
        }
    }

    /** The codec's level config name, such as {@code compression.gzip.level}, for producers and topics alike. */
    static String levelConfig(String type) {
        return "compression." + type + ".level";
    }

    /** Every codec's level config, to clear what an earlier table set on the output topics. */
    static List<String> levelConfigs() {
        return LEVELLED.stream().map(BenchCodec::levelConfig).toList();
    }

    /** The topic's {@code compression.type}: Kafka's topics call no compression {@code uncompressed}. */
    String topicType() {
        return "none".equals(type) ? "uncompressed" : type;
    }

    /** The producer configs (without Streams' {@code producer.} prefix) this codec sets. */
    Map<String, Object> producerConfigs() {
        Map<String, Object> configs = new LinkedHashMap<>();
        configs.put("compression.type", type);
        if (level != null) {
            configs.put(levelConfig(type), level);
        }
        return configs;
    }

    /** As a table heading names it: {@code compression.type=gzip, compression.gzip.level=1}. */
    String heading() {
        return "compression.type=" + type + (level == null ? "" : ", " + levelConfig(type) + "=" + level);
    }
}
