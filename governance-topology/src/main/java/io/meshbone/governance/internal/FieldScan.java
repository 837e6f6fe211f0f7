package io.meshbone.governance.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * Reads, from one schema's encoded record, only what a product's key check and one-comparison rules read: the key
 * field's bytes and the compared fields' numbers, the way {@link AvroToCel} would convert them. Every other value is
 * walked without being built, yet checked as the full decode checks it (lengths, varints, enum and union indexes,
 * array and map items), so a record this scan accepts is one the full decode accepts too.
 *
 * <p>A scan that meets anything it does not handle answers false, and the gate decodes the record in full, so every
 * error and its text come from the full decode, as before. Built once per product and schema id; immutable, so the
 * stream threads share it.
 */
final class FieldScan {

    /** A field the scan reads: where its value goes in the caller's slots. */
    private interface Step {
        void run(SliceDecoder decoder, Scanned into) throws IOException;
    }

    /** What one scan read, unboxed; one per stream task, reused for every record. */
    static final class Scanned {
        int keyStart;
        int keyEnd;
        long[] longs = new long[0];
        double[] doubles = new double[0];
        boolean[] isDouble = new boolean[0];

        Scanned fitting(FieldScan scan) {
            if (longs.length < scan.numbers) {
                longs = new long[scan.numbers];
                doubles = new double[scan.numbers];
                isDouble = new boolean[scan.numbers];
            }
            return this;
        }

        void putLong(int slot, long value) {
            longs[slot] = value;
            isDouble[slot] = false;
        }

        void putDouble(int slot, double value) {
            doubles[slot] = value;
            isDouble[slot] = true;
        }
    }

    /** Thrown when a value is valid but not one the scan answers for (a decimal over six bytes): decode in full. */
    private static final class NotHandled extends IOException {
        // Thrown as one shared instance: no stack to fill.
        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    private static final NotHandled NOT_HANDLED = new NotHandled();

    private final Step[] steps;
    private final int[] slots;
    private final int numbers;

    private FieldScan(Step[] steps, int[] slots, int numbers) {
        this.steps = steps;
        this.slots = slots;
        this.numbers = numbers;
    }

    /**
     * The scan of {@code schema} reading {@code keyField} (a string field, or null for none) and {@code numberFields}
     * (int, long, float, double or bytes-decimal fields; one may be named more than once); empty when a field is missing or of
     * another type, or the schema is recursive.
     */
    static Optional<FieldScan> of(Schema schema, String keyField, List<String> numberFields) {
        if (schema.getType() != Schema.Type.RECORD) {
            return Optional.empty();
        }
        List<String> distinct = numberFields.stream().distinct().toList();
        int[] slots = numberFields.stream().mapToInt(distinct::indexOf).toArray();
        List<Step> steps = new ArrayList<>();
        Set<String> read = new HashSet<>(numberFields);
        if (keyField != null) {
            read.add(keyField);
        }
        for (String name : read) {
            if (schema.getField(name) == null) {
                return Optional.empty();
            }
        }
        for (Schema.Field field : schema.getFields()) {
            Optional<Step> step;
            if (field.name().equals(keyField)) {
                step = numberFields.contains(keyField) ? Optional.empty() : keyStep(field.schema());
            } else if (distinct.contains(field.name())) {
                step = numberStep(field.schema(), distinct.indexOf(field.name()));
            } else {
                step = skipStep(field.schema(), new HashSet<>(Set.of(schema.getFullName())));
            }
            if (step.isEmpty()) {
                return Optional.empty();
            }
            steps.add(step.get());
        }
        return Optional.of(new FieldScan(steps.toArray(Step[]::new), slots, distinct.size()));
    }

    /** {@code comparison}'s answer for the number read for the {@code index}-th of the fields this scan was built with. */
    boolean holds(Scanned scanned, int index, NumericComparison comparison) {
        int slot = slots[index];
        return scanned.isDouble[slot] ? comparison.compareDouble(scanned.doubles[slot]) : comparison.compareLong(scanned.longs[slot]);
    }

    /** The number read for the {@code index}-th field, boxed as {@link AvroToCel} would give it: for tests. */
    Object number(Scanned scanned, int index) {
        int slot = slots[index];
        return scanned.isDouble[slot] ? (Object) scanned.doubles[slot] : (Object) scanned.longs[slot];
    }

    /** True when the whole slice is one record the full decode accepts and every read value was one this scan handles. */
    boolean scan(SliceDecoder decoder, Scanned into) {
        try {
            for (Step step : steps) {
                step.run(decoder, into);
            }
            return decoder.isEnd();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Optional<Step> keyStep(Schema schema) {
        if (schema.getType() != Schema.Type.STRING) {
            return Optional.empty();
        }
        return Optional.of((decoder, into) -> {
            into.keyStart = decoder.skipLengthPrefixed("a string");
            into.keyEnd = decoder.position();
        });
    }

    // The values AvroToCel.convert gives these types; any other type (or a timestamp, which becomes a CEL timestamp) is not read.
    private static Optional<Step> numberStep(Schema schema, int slot) {
        LogicalType logical = schema.getLogicalType();
        boolean timestamp = logical instanceof LogicalTypes.TimestampMillis || logical instanceof LogicalTypes.TimestampMicros;
        return switch (schema.getType()) {
            case INT -> timestamp ? Optional.empty()
                    : Optional.of((decoder, into) -> into.putLong(slot, decoder.readInt()));
            case LONG -> timestamp ? Optional.empty()
                    : Optional.of((decoder, into) -> into.putLong(slot, decoder.readLong()));
            case FLOAT -> Optional.of((decoder, into) -> into.putDouble(slot, decoder.readFloat()));
            case DOUBLE -> Optional.of((decoder, into) -> into.putDouble(slot, decoder.readDouble()));
            case BYTES -> logical instanceof LogicalTypes.Decimal decimal ? Optional.of(decimalStep(decimal.getScale(), slot))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Step decimalStep(int scale, int slot) {
        return (decoder, into) -> {
            int start = decoder.skipLengthPrefixed("bytes");
            double small = AvroToCel.smallDecimal(decoder.bytes(), start, decoder.position() - start, scale);
            if (Double.isNaN(small)) {
                throw NOT_HANDLED;
            }
            into.putDouble(slot, small);
        };
    }

    /** Walks a value of {@code schema} as the full decode reads it, building nothing. */
    private static Optional<Step> skipStep(Schema schema, Set<String> enclosingRecords) {
        return switch (schema.getType()) {
            case NULL -> Optional.of((decoder, into) -> { });
            case BOOLEAN -> Optional.of((decoder, into) -> decoder.readBoolean());
            case INT -> Optional.of((decoder, into) -> decoder.readInt());
            case LONG -> Optional.of((decoder, into) -> decoder.readLong());
            case FLOAT -> Optional.of((decoder, into) -> decoder.readFloat());
            case DOUBLE -> Optional.of((decoder, into) -> decoder.readDouble());
            case STRING -> Optional.of((decoder, into) -> decoder.skipString());
            case BYTES -> Optional.of((decoder, into) -> decoder.skipBytes());
            case FIXED -> {
                int size = schema.getFixedSize();
                yield Optional.of((decoder, into) -> decoder.skipFixed(size));
            }
            case ENUM -> {
                int symbols = schema.getEnumSymbols().size();
                yield Optional.of((decoder, into) -> index(decoder.readEnum(), symbols));
            }
            case UNION -> union(schema, enclosingRecords);
            case ARRAY -> skipStep(schema.getElementType(), enclosingRecords).map(FieldScan::array);
            case MAP -> skipStep(schema.getValueType(), enclosingRecords).map(FieldScan::map);
            case RECORD -> record(schema, enclosingRecords);
        };
    }

    private static Optional<Step> union(Schema schema, Set<String> enclosingRecords) {
        List<Step> branches = new ArrayList<>();
        for (Schema branch : schema.getTypes()) {
            Optional<Step> step = skipStep(branch, enclosingRecords);
            if (step.isEmpty()) {
                return Optional.empty();
            }
            branches.add(step.get());
        }
        Step[] byIndex = branches.toArray(Step[]::new);
        return Optional.of((decoder, into) -> byIndex[index(decoder.readIndex(), byIndex.length)].run(decoder, into));
    }

    private static Step array(Step element) {
        return (decoder, into) -> {
            for (long count = decoder.readArrayStart(); count > 0; count = decoder.arrayNext()) {
                for (long i = 0; i < count; i++) {
                    element.run(decoder, into);
                }
            }
        };
    }

    private static Step map(Step value) {
        return (decoder, into) -> {
            for (long count = decoder.readMapStart(); count > 0; count = decoder.mapNext()) {
                for (long i = 0; i < count; i++) {
                    decoder.skipString();
                    value.run(decoder, into);
                }
            }
        };
    }

    private static Optional<Step> record(Schema schema, Set<String> enclosingRecords) {
        // A record nested in itself would be compiled forever: such schemas are decoded in full.
        if (!enclosingRecords.add(schema.getFullName())) {
            return Optional.empty();
        }
        List<Step> fields = new ArrayList<>();
        for (Schema.Field field : schema.getFields()) {
            Optional<Step> step = skipStep(field.schema(), enclosingRecords);
            if (step.isEmpty()) {
                return Optional.empty();
            }
            fields.add(step.get());
        }
        enclosingRecords.remove(schema.getFullName());
        Step[] steps = fields.toArray(Step[]::new);
        return Optional.of((decoder, into) -> {
            for (Step step : steps) {
                step.run(decoder, into);
            }
        });
    }

    private static int index(int index, int count) throws NotHandled {
        if (index < 0 || index >= count) {
            throw NOT_HANDLED;
        }
        return index;
    }
}
