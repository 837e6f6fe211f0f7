package io.meshbone.catalog.internal;

import java.util.List;
import java.util.Locale;

import io.meshbone.platform.contract.DataProduct;
import org.apache.avro.Schema;

/**
 * A product's searchable text, lower-cased once when the listing is read, and the catalog's ranking
 * over it: name (10) > tag (5) > field name (4) > description (3) > field doc (1) per word.
 */
record SearchText(String name, List<String> tags, String description, List<String> fieldNames, List<String> fieldDocs) {

    static SearchText of(DataProduct product) {
        List<Schema.Field> fields = product.spec().value().schema().getFields();
        return new SearchText(lower(product.name()),
                product.metadata().tags().stream().map(SearchText::lower).toList(),
                lower(product.metadata().description()),
                fields.stream().map(field -> lower(field.name())).toList(),
                fields.stream().map(field -> lower(field.doc())).toList());
    }

    /** The score of one lower-case word; 0 when it appears nowhere. */
    int score(String word) {
        int score = 0;
        if (name.contains(word)) {
            score += 10;
        }
        for (String tag : tags) {
            // Loops rather than streams: a query that answers every product scores every product.
            if (tag.contains(word)) {
                score += 5;
                break;
            }
        }
        if (description.contains(word)) {
            score += 3;
        }
        for (String field : fieldNames) {
            if (field.contains(word)) {
                score += 4;
            }
        }
        for (String doc : fieldDocs) {
            if (doc.contains(word)) {
                score += 1;
            }
        }
        return score;
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
