package io.meshbone.platform.lineage;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The record headers that carry lineage through the mesh, as UTF-8 strings.
 *
 * <p>The record gate stamps them on every governed record; dead-lettered records carry the
 * error headers instead. A W3C {@code traceparent} header is passed through untouched.
 */
public final class LineageHeaders {

    public static final String PRODUCT = "mesh.product";
    public static final String DOMAIN = "mesh.domain";
    public static final String SCHEMA_ID = "mesh.schema.id";
    /** {@code topic/partition/offset} of the staged record the gate read. */
    public static final String SOURCE = "mesh.source";
    /** Comma-separated names of the products this record was derived from. */
    public static final String UPSTREAM = "mesh.upstream";
    /** The name of the source connector that read the record where the data resides. */
    public static final String CONNECTOR = "mesh.connector";
    public static final String GATE_TIMESTAMP = "mesh.gate.ts";
    public static final String TRACEPARENT = "traceparent";
    public static final String ERROR_CODE = "mesh.error.code";
    public static final String ERROR_REASON = "mesh.error.reason";

    private LineageHeaders() {
    }

    /** Replaces any header of that name with one holding {@code value}. */
    public static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Replaces any header of that name with one holding these already encoded UTF-8 bytes. */
    public static void put(Headers headers, String name, byte[] utf8) {
        headers.remove(name);
        headers.add(name, utf8);
    }

    /** The last header of that name, decoded. */
    public static Optional<String> get(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    /** The upstream product names, empty when the header is absent. */
    public static List<String> upstream(Headers headers) {
        return get(headers, UPSTREAM)
                .map(value -> Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    /** The {@code mesh.source} value for a record read at this position. */
    public static String source(String topic, int partition, long offset) {
        return topic + "/" + partition + "/" + offset;
    }
}
