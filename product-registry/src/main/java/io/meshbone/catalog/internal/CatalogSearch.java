package io.meshbone.catalog.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.meshbone.platform.contract.DataProduct;

/**
 * The catalog's search: a product must pass every filter and, with {@code q}, hold at least one of its words; hits are
 * ranked by {@link SearchText#score} (summed over the words), then by name. Each product's search text is made once per
 * listing, and the catalog keeps its products in name order, so nothing is rebuilt when a listing changes.
 */
final class CatalogSearch {

    /** One ranked hit. */
    record Hit(CatalogState.Entry entry, int score) {
    }

    private static final Comparator<Hit> RANKED = Comparator.comparingInt(Hit::score).reversed();

    private final CatalogState state;

    CatalogSearch(CatalogState state) {
        this.state = state;
    }

    /** Every hit, best first; products of equal score in name order. */
    List<Hit> search(String q, String domain, String tag, String owner, String classification) {
        return rank(state.entries(), q, domain, tag, owner, classification);
    }

    /** The search over {@code byName}, products in name order. */
    static List<Hit> rank(Collection<CatalogState.Entry> byName, String q, String domain, String tag, String owner,
                          String classification) {
        List<String> words = q == null || q.isBlank() ? List.of()
                : List.of(q.toLowerCase(Locale.ROOT).trim().split("\\s+"));
        List<Hit> hits = new ArrayList<>();
        for (CatalogState.Entry entry : byName) {
            int score = words.isEmpty() ? 1 : entry.search().score(words);
            if (score > 0 && passes(entry.product(), domain, tag, owner, classification)) {
                hits.add(new Hit(entry, score));
            }
        }
        // Stable: hits of equal score keep the name order.
        hits.sort(RANKED);
        return hits;
    }

    private static boolean passes(DataProduct p, String domain, String tag, String owner, String classification) {
        return matches(domain, p.metadata().domain()) && matches(owner, p.metadata().owner())
                && matches(classification, p.spec().classification().name())
                && (tag == null || tag.isEmpty() || p.metadata().tags().stream().anyMatch(t -> t.equalsIgnoreCase(tag)));
    }

    private static boolean matches(String filter, String value) {
        return filter == null || filter.isEmpty() || filter.equalsIgnoreCase(value);
    }
}
