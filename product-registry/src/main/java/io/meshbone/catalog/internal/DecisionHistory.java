package io.meshbone.catalog.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.meshbone.platform.control.Decision;

/**
 * The decisions the catalog keeps, newest last: at most {@link #PER_PRODUCT} per product and {@link #TOTAL} in all,
 * the oldest going first, so a flood of requests under ever new product names cannot grow the catalog's memory.
 */
final class DecisionHistory {

    static final int PER_PRODUCT = 50;
    static final int TOTAL = 5_000;

    private final int perProduct;
    private final int total;
    private final Map<String, Deque<Decision>> byProduct = new HashMap<>();
    /** Every kept decision in arrival order; entries already dropped per product are skipped when they come up. */
    private final Deque<Decision> arrivals = new ArrayDeque<>();

    DecisionHistory() {
        this(PER_PRODUCT, TOTAL);
    }

    DecisionHistory(int perProduct, int total) {
        this.perProduct = perProduct;
        this.total = total;
    }

    synchronized void add(Decision decision) {
        Deque<Decision> list = byProduct.computeIfAbsent(decision.product(), k -> new ArrayDeque<>());
        list.addLast(decision);
        if (list.size() > perProduct) {
            list.removeFirst();
        }
        arrivals.addLast(decision);
        while (arrivals.size() > total) {
            Decision oldest = arrivals.removeFirst();
            Deque<Decision> of = byProduct.get(oldest.product());
            // Identity: the product's first decision is this very one unless the per-product bound dropped it already.
            if (of != null && of.peekFirst() == oldest) {
                of.removeFirst();
                if (of.isEmpty()) {
                    byProduct.remove(oldest.product());
                }
            }
        }
    }

    synchronized List<Decision> of(String product) {
        Deque<Decision> list = byProduct.get(product);
        return list == null ? List.of() : List.copyOf(list);
    }

    /** Decisions kept in all. */
    synchronized int size() {
        return byProduct.values().stream().mapToInt(Deque::size).sum();
    }

    /** Products with at least one kept decision. */
    synchronized List<String> products() {
        return new ArrayList<>(byProduct.keySet());
    }
}
