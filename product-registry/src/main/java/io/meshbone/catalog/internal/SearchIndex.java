package io.meshbone.catalog.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The listed products' searchable text as one lower-case string, products in name order, each product's fields
 * separated by a line break, and the catalog's ranking over it: per query word a product scores name 10, tag 5 (once,
 * however many tags hold the word), description 3, each field name holding it 4 and each field doc holding it 1.
 * Scoring a word is a few {@link String#indexOf} scans of that one string, each match attributed to the field it lies
 * in, instead of a pass over every product's fields. A query word never holds a line break (words are split on white
 * space), so a match lies inside one field.
 *
 * <p>Immutable: built from one set of entries and replaced when the products change.
 */
final class SearchIndex {

    private static final char SEPARATOR = '\n';
    private static final byte NAME = 10;
    private static final byte TAG = 5;
    private static final byte FIELD_NAME = 4;
    private static final byte DESCRIPTION = 3;
    private static final byte FIELD_DOC = 1;

    private final List<CatalogState.Entry> byName;
    private final String text;
    /** Where each field's text starts in {@link #text}, ascending (every field holds at least its separator); one more at the end. */
    private final int[] fieldStarts;
    /** Each field's product, as a position in {@link #byName}. */
    private final int[] fieldProducts;
    /** Each field's weight, which also says what it is ({@link #TAG} scores once per product and word). */
    private final byte[] fieldWeights;

    private SearchIndex(List<CatalogState.Entry> byName, String text, int[] fieldStarts, int[] fieldProducts,
                        byte[] fieldWeights) {
        this.byName = byName;
        this.text = text;
        this.fieldStarts = fieldStarts;
        this.fieldProducts = fieldProducts;
        this.fieldWeights = fieldWeights;
    }

    static SearchIndex of(Collection<CatalogState.Entry> entries) {
        List<CatalogState.Entry> byName = new ArrayList<>(entries);
        // The product's name as its search text keeps it: names are lower case by contract, so this is the name itself,
        // without DataProduct.name() validating it again on every comparison.
        byName.sort(Comparator.comparing(e -> e.search().name()));
        Builder builder = new Builder(byName.size());
        for (int i = 0; i < byName.size(); i++) {
            SearchText s = byName.get(i).search();
            builder.add(i, s.name(), NAME);
            for (String tag : s.tags()) {
                builder.add(i, tag, TAG);
            }
            builder.add(i, s.description(), DESCRIPTION);
            for (String field : s.fieldNames()) {
                builder.add(i, field, FIELD_NAME);
            }
            for (String doc : s.fieldDocs()) {
                builder.add(i, doc, FIELD_DOC);
            }
        }
        return builder.build(List.copyOf(byName));
    }

    /** Every product, in name order. */
    List<CatalogState.Entry> byName() {
        return byName;
    }

    /** Each product's score (by its position in {@link #byName()}) summed over the lower-case {@code words}; 0: none holds it. */
    int[] scores(List<String> words) {
        int[] scores = new int[byName.size()];
        int[] tagScoredForWord = new int[byName.size()];
        Arrays.fill(tagScoredForWord, -1);
        for (int w = 0; w < words.size(); w++) {
            String word = words.get(w);
            int at = text.indexOf(word);
            // An empty word (q of control characters, which trim() removes) is found in every field, also at the very end.
            while (at >= 0 && at < text.length()) {
                int field = fieldAt(at);
                int product = fieldProducts[field];
                if (fieldWeights[field] != TAG) {
                    scores[product] += fieldWeights[field];
                } else if (tagScoredForWord[product] != w) {
                    scores[product] += TAG;
                    tagScoredForWord[product] = w;
                }
                // One match is enough for this field: go on from the next field's text.
                at = text.indexOf(word, fieldStarts[field + 1]);
            }
        }
        return scores;
    }

    private int fieldAt(int offset) {
        int i = Arrays.binarySearch(fieldStarts, offset);
        return i >= 0 ? i : -i - 2;
    }

    /** Appends fields, growing the arrays as it goes. */
    private static final class Builder {

        private final StringBuilder text;
        private int[] starts;
        private int[] products;
        private byte[] weights;
        private int fields;

        Builder(int products) {
            this.text = new StringBuilder(products * 256);
            int expected = products * 8 + 1;
            this.starts = new int[expected];
            this.products = new int[expected];
            this.weights = new byte[expected];
        }

        void add(int product, String fieldText, byte weight) {
            if (fields + 1 >= starts.length) {
                int size = starts.length * 2;
                starts = Arrays.copyOf(starts, size);
                products = Arrays.copyOf(products, size);
                weights = Arrays.copyOf(weights, size);
            }
            starts[fields] = text.length();
            products[fields] = product;
            weights[fields] = weight;
            fields++;
            text.append(fieldText).append(SEPARATOR);
        }

        SearchIndex build(List<CatalogState.Entry> byName) {
            starts[fields] = text.length();
            return new SearchIndex(byName, text.toString(), Arrays.copyOf(starts, fields + 1),
                    Arrays.copyOf(products, fields), Arrays.copyOf(weights, fields));
        }
    }
}
