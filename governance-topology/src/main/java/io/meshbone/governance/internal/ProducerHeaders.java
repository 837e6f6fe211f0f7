package io.meshbone.governance.internal;

import java.util.ArrayList;
import java.util.List;

import io.meshbone.platform.lineage.LineageHeaders;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Keeps the {@code mesh.*} header namespace the gate's own on what it writes: the headers of a judged record are the
 * producer's, minus every {@code mesh.*} header but {@code mesh.upstream}, plus the gate's stamps: appended in place to
 * a passing record's own headers ({@link #stamp}), or built once into an array of the exact size for a dead letter
 * ({@link #with}); never one {@code put} at a time, which costs a search and a resize each.
 */
final class ProducerHeaders {

    private static final String MESH_PREFIX = "mesh.";

    private final Header[] kept;
    private final int keptCount;
    private final boolean hasUpstream;
    private final List<String> removedNames;
    private final long keptBound;

    private ProducerHeaders(Header[] kept, int keptCount, boolean hasUpstream, List<String> removedNames, long keptBound) {
        this.kept = kept;
        this.keptCount = keptCount;
        this.hasUpstream = hasUpstream;
        this.removedNames = removedNames;
        this.keptBound = keptBound;
    }

    /**
     * The producer's headers without any {@code mesh.*} header but {@code mesh.upstream}, which a domain app sets on
     * purpose to name the products a record was derived from.
     */
    static ProducerHeaders of(Headers headers) {
        Header[] all = headers.toArray();
        int count = 0;
        boolean upstream = false;
        List<String> removed = List.of();
        long keptBound = 0;
        for (Header header : all) {
            String name = header.key();
            boolean isUpstream = name.equals(LineageHeaders.UPSTREAM);
            if (!name.startsWith(MESH_PREFIX) || isUpstream) {
                all[count++] = header;
                upstream |= isUpstream;
                keptBound += RecordLimits.headerBound(header);
            } else {
                removed = removed.isEmpty() ? new ArrayList<>() : removed;
                removed.add(name);
            }
        }
        return new ProducerHeaders(all, count, upstream, removed, keptBound);
    }

    /**
     * Makes {@code headers}, the very headers {@link #of} read (a passing record's own), the kept headers followed by
     * the gate's lineage stamps in this order (a null stamp is left out), in place: the same headers {@link #with}
     * builds, without building a new list that the record would copy once more. (Named, not varargs: an array per
     * record showed in profiles.)
     *
     * @return the sum of {@link RecordLimits#headerBound} over the headers it leaves, for the size check to use
     *         without going over them again
     */
    long stamp(Headers headers, Header source, Header product, Header domain, Header schemaId, Header upstream,
               Header gateTimestamp) {
        if (!removedNames.isEmpty()) {
            for (String name : removedNames) {
                headers.remove(name);
            }
        }
        return keptBound + addUnlessNull(headers, source) + addUnlessNull(headers, product) + addUnlessNull(headers, domain)
                + addUnlessNull(headers, schemaId) + addUnlessNull(headers, upstream) + addUnlessNull(headers, gateTimestamp);
    }

    private static long addUnlessNull(Headers headers, Header header) {
        if (header == null) {
            return 0;
        }
        headers.add(header);
        return RecordLimits.headerBound(header);
    }

    /** True when the producer named the record's upstream products itself. */
    boolean hasUpstream() {
        return hasUpstream;
    }

    /** The kept headers followed by these stamps (null stamps are left out), as the record's new headers. */
    Headers with(Header... stamps) {
        int size = keptCount;
        for (Header stamp : stamps) {
            size += stamp == null ? 0 : 1;
        }
        Header[] headers = new Header[size];
        System.arraycopy(kept, 0, headers, 0, keptCount);
        int next = keptCount;
        for (Header stamp : stamps) {
            if (stamp != null) {
                headers[next++] = stamp;
            }
        }
        return new RecordHeaders(headers);
    }

    static Header header(String name, byte[] utf8) {
        return new RecordHeader(name, utf8);
    }
}
