package io.meshbone.catalog.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The listed products' searchable text as one lower-case string, products in name order, each product's fields
 * separated by a line break: finding which products a word appears in is a few {@link String#indexOf} scans of that
 * string instead of a pass over every product's fields. A query word never holds a line break (words are split on
 * white space), so a match lies inside one field of one product, exactly where {@link SearchText#score} would find it.
 *
 * <p>Immutable: built from one set of entries and replaced when the products change.
 */
final class SearchIndex {

    private static final char SEPARATOR = '\n';

    private final List<CatalogState.Entry> byName;
    private final String text;
    /** Where each product's text starts in {@link #text}, ascending; one more at the end. */
    private final int[] starts;

    private SearchIndex(List<CatalogState.Entry> byName, String text, int[] starts) {
        this.byName = byName;
        this.text = text;
        this.starts = starts;
    }

    static SearchIndex of(Collection<CatalogState.Entry> entries) {
        List<CatalogState.Entry> byName = new ArrayList<>(entries);
        // The product's name as its search text keeps it: names are lower case by contract, so this is the name itself,
        // without DataProduct.name() validating it again on every comparison.
        byName.sort(Comparator.comparing(e -> e.search().name()));
        StringBuilder text = new StringBuilder(byName.size() * 256);
        int[] starts = new int[byName.size() + 1];
        for (int i = 0; i < byName.size(); i++) {
            starts[i] = text.length();
            SearchText s = byName.get(i).search();
            text.append(s.name()).append(SEPARATOR);
            s.tags().forEach(tag -> text.append(tag).append(SEPARATOR));
            text.append(s.description()).append(SEPARATOR);
            s.fieldNames().forEach(field -> text.append(field).append(SEPARATOR));
            s.fieldDocs().forEach(doc -> text.append(doc).append(SEPARATOR));
        }
        starts[byName.size()] = text.length();
        return new SearchIndex(List.copyOf(byName), text.toString(), starts);
    }

    /** Every product, in name order. */
    List<CatalogState.Entry> byName() {
        return byName;
    }

    /** The products whose text holds at least one of the lower-case {@code words}, as positions in {@link #byName()}. */
    BitSet containingAny(List<String> words) {
        BitSet found = new BitSet(byName.size());
        for (String word : words) {
            int at = text.indexOf(word);
            // An empty word (q of control characters, which trim() removes) is found everywhere, also at the very end.
            while (at >= 0 && at < text.length()) {
                int product = productAt(at);
                found.set(product);
                // One match is enough for this product: go on from the next one's text.
                at = text.indexOf(word, starts[product + 1]);
            }
        }
        return found;
    }

    private int productAt(int offset) {
        int i = Arrays.binarySearch(starts, offset);
        return i >= 0 ? i : -i - 2;
    }
}
