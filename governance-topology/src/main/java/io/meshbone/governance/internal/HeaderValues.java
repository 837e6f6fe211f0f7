package io.meshbone.governance.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.meshbone.platform.lineage.LineageHeaders;
import org.apache.kafka.common.header.Header;

/** A product's lineage headers, encoded once instead of once per record (a header is never changed once made). */
public final class HeaderValues {

    private final Header product;
    private final Header domain;
    private final Header upstream;
    private final Map<Integer, Header> schemaIds = new ConcurrentHashMap<>();
    // Shared by the stream threads: a volatile reference to an immutable pair.
    private volatile SchemaIdHeader lastSchemaId;

    HeaderValues(String product, String domain, String upstream) {
        this.product = ProducerHeaders.header(LineageHeaders.PRODUCT, utf8(product));
        this.domain = ProducerHeaders.header(LineageHeaders.DOMAIN, utf8(domain));
        this.upstream = upstream.isEmpty() ? null : ProducerHeaders.header(LineageHeaders.UPSTREAM, utf8(upstream));
    }

    public Header product() {
        return product;
    }

    public Header domain() {
        return domain;
    }

    /** The contract's inputs, comma-separated, or null when it has none. */
    public Header upstream() {
        return upstream;
    }

    /** The {@code mesh.schema.id} header for this id, or null for a record without one (a tombstone). */
    public Header schemaId(int id) {
        if (id < 0) {
            return null;
        }
        // A product's records nearly all carry its latest id: that one is answered without boxing or hashing.
        SchemaIdHeader last = lastSchemaId;
        if (last != null && last.id() == id) {
            return last.header();
        }
        Header header = schemaIds.computeIfAbsent(id, unused -> ProducerHeaders.header(LineageHeaders.SCHEMA_ID,
                utf8(Integer.toString(id))));
        lastSchemaId = new SchemaIdHeader(id, header);
        return header;
    }

    private record SchemaIdHeader(int id, Header header) {
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
