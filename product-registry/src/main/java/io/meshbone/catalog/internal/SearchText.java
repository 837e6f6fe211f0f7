package io.meshbone.catalog.internal;

import java.util.List;
import java.util.Locale;

import io.meshbone.platform.contract.DataProduct;
import org.apache.avro.Schema;

/**
 * A product's searchable text, lower-cased once when the listing is read; {@link SearchIndex} ranks over it.
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

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
