package io.meshbone.catalog.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.meshbone.platform.contract.DataProduct;
import org.apache.avro.Schema;

/**
 * A product's searchable text, made once per listing: its fields lower-cased and joined into one string, each ended by a
 * line break, and the catalog's ranking over it. Per query word a product scores name 10, tag 5 (once, however many
 * tags hold the word), description 3, each field name holding it 4 and each field doc holding it 1. Scoring a word is
 * {@link String#indexOf} over the one string, each match attributed to the field it lies in; a query word never holds
 * a line break (words are split on white space), so a match lies inside one field.
 *
 * @param name        the product's name, lower case (as names are by contract)
 * @param text        every field's lower-case text, each followed by a line break
 * @param fieldStarts where each field starts in {@code text}, ascending (each holds at least its line break), then
 *                    {@code text}'s length
 * @param weights     each field's weight, which also says what it is ({@link #TAG} scores once per word)
 */
record SearchText(String name, String text, int[] fieldStarts, byte[] weights) {

    private static final char SEPARATOR = '\n';
    private static final byte NAME = 10;
    private static final byte TAG = 5;
    private static final byte FIELD_NAME = 4;
    private static final byte DESCRIPTION = 3;
    private static final byte FIELD_DOC = 1;

    static SearchText of(DataProduct product) {
        List<String> tags = product.metadata().tags();
        List<Schema.Field> fields = product.spec().value().schema().getFields();
        String name = lower(product.name());
        Builder text = new Builder(2 + tags.size() + 2 * fields.size());
        text.add(name, NAME);
        tags.forEach(tag -> text.add(lower(tag), TAG));
        text.add(lower(product.metadata().description()), DESCRIPTION);
        fields.forEach(field -> text.add(lower(field.name()), FIELD_NAME));
        fields.forEach(field -> text.add(lower(field.doc()), FIELD_DOC));
        return new SearchText(name, text.text.toString(), text.starts, text.weights);
    }

    /** The score summed over the lower-case {@code words}; 0 when none appears. */
    int score(List<String> words) {
        int score = 0;
        for (String word : words) {
            boolean tagScored = false;
            int at = text.indexOf(word);
            // An empty word (q of control characters, which trim() removes) is found in every field, also at the very end.
            while (at >= 0 && at < text.length()) {
                int field = fieldAt(at);
                if (weights[field] != TAG) {
                    score += weights[field];
                } else if (!tagScored) {
                    score += TAG;
                    tagScored = true;
                }
                // One match is enough for this field: go on from the next field's text.
                at = text.indexOf(word, fieldStarts[field + 1]);
            }
        }
        return score;
    }

    private int fieldAt(int offset) {
        int i = Arrays.binarySearch(fieldStarts, offset);
        return i >= 0 ? i : -i - 2;
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }

    /** Appends fields, each ended by a line break, noting where each starts and its weight. */
    private static final class Builder {

        private final StringBuilder text = new StringBuilder();
        private final int[] starts;
        private final byte[] weights;
        private int fields;

        Builder(int fields) {
            this.starts = new int[fields + 1];
            this.weights = new byte[fields];
        }

        void add(String field, byte weight) {
            starts[fields] = text.length();
            weights[fields++] = weight;
            text.append(field).append(SEPARATOR);
            starts[fields] = text.length();
        }
    }
}
