package io.meshbone.domains.raw;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Reads typed column values from a captured row as the generic Avro reader returns them: text as
 * {@code CharSequence}, {@code timestamp-millis} as {@code Long}, {@code decimal} as {@code ByteBuffer}. A required
 * column that is absent, null or of another type is remembered in {@link #unusable()} and read as null.
 */
final class RowColumns {

    private static final Conversions.DecimalConversion DECIMALS = new Conversions.DecimalConversion();

    private final GenericRecord row;
    private final List<String> unusable = new ArrayList<>();

    RowColumns(GenericRecord row) {
        this.row = row;
    }

    String text(String column) {
        return row.hasField(column) && row.get(column) instanceof CharSequence text ? text.toString() : unusable(column);
    }

    /** A nullable text column: null when absent or null, never unusable. */
    String optionalText(String column) {
        return row.hasField(column) && row.get(column) instanceof CharSequence text ? text.toString() : null;
    }

    Instant instant(String column) {
        if (row.hasField(column) && row.get(column) instanceof Long millis
                && logicalType(column) instanceof LogicalTypes.TimestampMillis) {
            return Instant.ofEpochMilli(millis);
        }
        return unusable(column);
    }

    BigDecimal decimal(String column) {
        if (row.hasField(column) && row.get(column) instanceof ByteBuffer bytes
                && logicalType(column) instanceof LogicalTypes.Decimal decimal) {
            return DECIMALS.fromBytes(bytes, null, decimal);
        }
        return unusable(column);
    }

    Integer integer(String column) {
        return row.hasField(column) && row.get(column) instanceof Integer value ? value : unusable(column);
    }

    /** The required columns read so far that had no usable value. */
    List<String> unusable() {
        return List.copyOf(unusable);
    }

    private LogicalType logicalType(String column) {
        Schema schema = row.getSchema().getField(column).schema();
        if (schema.isUnion()) {
            // Debezium writes an optional column as a union with null; the value's type is the other branch.
            schema = schema.getTypes().stream().filter(type -> !type.isNullable()).findFirst().orElse(schema);
        }
        return schema.getLogicalType();
    }

    private <T> T unusable(String column) {
        unusable.add(column);
        return null;
    }
}
