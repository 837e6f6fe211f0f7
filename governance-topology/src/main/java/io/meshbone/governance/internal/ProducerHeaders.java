package io.meshbone.governance.internal;

import java.util.ArrayList;
import java.util.List;

import io.meshbone.platform.lineage.LineageHeaders;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** Keeps the {@code mesh.*} header namespace the gate's own on what it writes. */
final class ProducerHeaders {

    private static final String MESH_PREFIX = "mesh.";

    private ProducerHeaders() {
    }

    /**
     * Removes every {@code mesh.*} header a producer set, except {@code mesh.upstream}, which a domain app sets on
     * purpose to name the products a record was derived from.
     */
    static void stripMeshHeaders(Headers headers) {
        List<String> forged = null;
        for (Header header : headers) {
            String name = header.key();
            if (name.startsWith(MESH_PREFIX) && !name.equals(LineageHeaders.UPSTREAM)) {
                if (forged == null) {
                    forged = new ArrayList<>(2);
                }
                forged.add(name);
            }
        }
        if (forged != null) {
            forged.forEach(headers::remove);
        }
    }

    /** Removes the lineage headers the gate stamps on a passing record, when it turns out not to pass after all. */
    static void removeLineageStamps(Headers headers) {
        headers.remove(LineageHeaders.PRODUCT);
        headers.remove(LineageHeaders.DOMAIN);
        headers.remove(LineageHeaders.SCHEMA_ID);
        headers.remove(LineageHeaders.GATE_TIMESTAMP);
    }
}
