package io.meshbone.catalog.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.meshbone.platform.contract.DataProduct;

/**
 * The catalog's search: a product must pass every filter and, with {@code q}, hold at least one of its words; hits are
 * ranked by their {@link SearchIndex#scores score} (summed over the words), then by name. The {@link SearchIndex} is
 * rebuilt only when the listed products changed.
 */
final class CatalogSearch {

    /** One ranked hit. */
    record Hit(CatalogState.Entry entry, int score) {
    }

    private record Built(long changes, SearchIndex index) {
    }

    private static final Comparator<Hit> RANKED = Comparator.comparingInt(Hit::score).reversed();

    private final CatalogState state;
    private volatile Built built = new Built(-1, null);

    CatalogSearch(CatalogState state) {
        this.state = state;
        // Built by the reading thread as listings arrive, so a query finds it ready; a query that still finds it out
        // of date (a product of another cluster changed, or a query came first) builds it itself.
        state.afterProductChanges(this::index);
    }

    /** Every hit, best first; products of equal score in name order. */
    List<Hit> search(String q, String domain, String tag, String owner, String classification) {
        return rank(index(), q, domain, tag, owner, classification);
    }

    /** The search over the products {@code index} holds. */
    static List<Hit> rank(SearchIndex index, String q, String domain, String tag, String owner, String classification) {
        List<String> words = q == null || q.isBlank() ? List.of()
                : List.of(q.toLowerCase(Locale.ROOT).trim().split("\\s+"));
        List<CatalogState.Entry> byName = index.byName();
        int[] scores = words.isEmpty() ? null : index.scores(words);
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < byName.size(); i++) {
            int score = scores == null ? 1 : scores[i];
            if (score > 0 && passes(byName.get(i).product(), domain, tag, owner, classification)) {
                hits.add(new Hit(byName.get(i), score));
            }
        }
        // Stable: hits of equal score keep the index's name order.
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

    private SearchIndex index() {
        Built current = built;
        long changes = state.productChanges();
        if (current.changes() != changes) {
            // Read the count before the products: an index that saw a later change is rebuilt once more, never kept stale.
            current = new Built(changes, SearchIndex.of(state.entries()));
            built = current;
        }
        return current.index();
    }
}
