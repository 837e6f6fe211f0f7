package io.meshbone.governance.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A product's lineage header values as UTF-8 bytes, encoded once instead of once per record. */
public final class HeaderValues {

    private final byte[] product;
    private final byte[] domain;
    private final byte[] upstream;
    private final Map<Integer, byte[]> schemaIds = new ConcurrentHashMap<>();

    HeaderValues(String product, String domain, String upstream) {
        this.product = utf8(product);
        this.domain = utf8(domain);
        this.upstream = upstream.isEmpty() ? null : utf8(upstream);
    }

    public byte[] product() {
        return product;
    }

    public byte[] domain() {
        return domain;
    }

    /** The contract's inputs, comma-separated, or null when it has none. */
    public byte[] upstream() {
        return upstream;
    }

    public byte[] schemaId(int id) {
        return schemaIds.computeIfAbsent(id, unused -> utf8(Integer.toString(id)));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
