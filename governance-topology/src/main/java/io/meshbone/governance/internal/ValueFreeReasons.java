package io.meshbone.governance.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Keeps field values out of dead-letter reasons: a reason names fields and what was expected, and the DLQ's readers
 * are not necessarily cleared for the record's PII. A library's message (CEL, Avro) may quote what it read, so every
 * quoted text that is not a field name or part of the rule is masked, and so is every string the record holds.
 */
final class ValueFreeReasons {

    static final String MASK = "…";
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'|\"([^\"]*)\"");
    // Shorter strings (a currency code, a flag) would also mask schema ids and numbers the message needs.
    private static final int MIN_MASKED_LENGTH = 3;

    private ValueFreeReasons() {
    }

    /** {@code message} with what {@code record} holds masked; quoted texts stay only when they occur in {@code allowed}. */
    static String of(String message, GenericRecord record, String allowed) {
        if (message == null) {
            return "";
        }
        String scrubbed = maskQuoted(message, record == null ? List.of() : fieldNames(record.getSchema()), allowed);
        if (record != null) {
            List<String> values = new ArrayList<>();
            collect(record, values);
            values.sort(Comparator.comparingInt(String::length).reversed());
            for (String value : values) {
                if (value.length() >= MIN_MASKED_LENGTH) {
                    scrubbed = scrubbed.replace(value, MASK);
                }
            }
        }
        return scrubbed;
    }

    private static String maskQuoted(String message, Collection<String> fieldNames, String allowed) {
        Matcher m = QUOTED.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String inner = m.group(1) != null ? m.group(1) : m.group(2);
            boolean keep = inner.isEmpty() || fieldNames.contains(inner) || allowed != null && allowed.contains(inner);
            m.appendReplacement(out, Matcher.quoteReplacement(keep ? m.group() : m.group().charAt(0) + MASK + m.group().charAt(0)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<String> fieldNames(Schema schema) {
        List<String> names = new ArrayList<>();
        fieldNames(schema, names, 0);
        return names;
    }

    private static void fieldNames(Schema schema, List<String> names, int depth) {
        if (depth > 16) {
            return;
        }
        switch (schema.getType()) {
            case RECORD -> schema.getFields().forEach(f -> {
                names.add(f.name());
                fieldNames(f.schema(), names, depth + 1);
            });
            case UNION -> schema.getTypes().forEach(t -> fieldNames(t, names, depth + 1));
            case ARRAY -> fieldNames(schema.getElementType(), names, depth + 1);
            case MAP -> fieldNames(schema.getValueType(), names, depth + 1);
            default -> { }
        }
    }

    private static void collect(Object datum, List<String> values) {
        if (datum instanceof GenericRecord record) {
            record.getSchema().getFields().forEach(f -> collect(record.get(f.pos()), values));
        } else if (datum instanceof Collection<?> items) {
            items.forEach(item -> collect(item, values));
        } else if (datum instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                collect(k, values);
                collect(v, values);
            });
        } else if (datum instanceof CharSequence || datum instanceof org.apache.avro.generic.GenericEnumSymbol<?>) {
            values.add(datum.toString());
        }
    }
}
