package io.meshbone.governance.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.meshbone.platform.contract.ProductNames;

/**
 * Splits the products the record gate has seen into parts whose lineage events each stay well under the 1 MiB a record
 * of {@code _mesh.lineage} may have: in order of staging topic, a part takes products until its estimated size would
 * pass {@link #BUDGET_BYTES}. A few hundred products make one part, as one event did before, and a product seen later
 * moves only the parts after it.
 */
final class GateLineageParts {

    /** Half the record limit: room for the event's own fields, whatever the estimate misses. */
    static final int BUDGET_BYTES = 512 * 1024;
    /**
     * More than a topic costs in an event beside its name: {@code {"namespace":"kafka://<cluster id>","name":"…"}} with
     * a 22-character cluster id is 55 bytes and its name.
     */
    static final int BYTES_PER_TOPIC = 128;

    private GateLineageParts() {
    }

    /** One part: the products whose staging topics are its inputs and whose product and DLQ topics are its outputs. */
    record Part(List<String> inputs, List<String> outputs) {
    }

    static List<Part> of(Collection<ProductNames> seen) {
        List<ProductNames> products = seen.stream().sorted(Comparator.comparing(ProductNames::stagingTopic)).toList();
        List<Part> parts = new ArrayList<>();
        List<ProductNames> part = new ArrayList<>();
        long bytes = 0;
        for (ProductNames names : products) {
            long size = estimate(names);
            if (!part.isEmpty() && bytes + size > BUDGET_BYTES) {
                parts.add(part(part));
                part = new ArrayList<>();
                bytes = 0;
            }
            part.add(names);
            bytes += size;
        }
        if (!part.isEmpty() || parts.isEmpty()) {
            parts.add(part(part));
        }
        return parts;
    }

    private static Part part(List<ProductNames> products) {
        return new Part(products.stream().map(ProductNames::stagingTopic).toList(),
                products.stream().flatMap(names -> Stream.of(names.topic(), names.dlqTopic())).toList());
    }

    private static long estimate(ProductNames names) {
        return Stream.of(names.stagingTopic(), names.topic(), names.dlqTopic()).mapToLong(t -> t.length() + BYTES_PER_TOPIC).sum();
    }
}
