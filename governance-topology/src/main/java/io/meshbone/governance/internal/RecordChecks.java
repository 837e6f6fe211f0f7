package io.meshbone.governance.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.cel.runtime.CelEvaluationException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import io.meshbone.platform.registry.SchemaRegistryException;

/**
 * Every check the record gate makes on one staged record, in order, stopping at the first failure.
 *
 * <p>One instance per stream task: the decoder and reader caches are not shared across threads.
 */
public final class RecordChecks {

    private static final byte MAGIC_BYTE = 0;
    private static final int FRAME_LENGTH = 5;

    private final SchemaLookup schemas;
    private final Map<Integer, ReusingReader> valueReaders = new HashMap<>();
    // Apart from the values' readers: a key and a value may share a schema id, and both records are read at once.
    private final Map<Integer, ReusingReader> keyReaders = new HashMap<>();
    private final SliceDecoder decoder = new SliceDecoder();
    private final FieldScan.Scanned scanned = new FieldScan.Scanned();
    private final boolean scanning;
    // The last yes the lookup gave: a task reads runs of one product's records, nearly all of one schema id.
    private String lastSubject;
    private int lastId;
    private Schema lastSchema;

    public RecordChecks(SchemaLookup schemas) {
        this(schemas, true);
    }

    private RecordChecks(SchemaLookup schemas, boolean scanning) {
        this.schemas = schemas;
        this.scanning = scanning;
    }

    /** Checks that decode every value in full, never by {@link FieldScan}: what the scan is compared with in tests. */
    static RecordChecks decodingInFull(SchemaLookup schemas) {
        return new RecordChecks(schemas, false);
    }

    public Verdict check(GatedProduct product, byte[] key, byte[] value) {
        if (product.entity() && (key == null || key.length == 0)) {
            return Verdict.reject(GateError.MISSING_KEY, "entity product " + product.productName()
                    + " needs a key on every record" + keyHint(product));
        }
        if (value == null) {
            return product.entity()
                    ? Verdict.pass(-1)
                    : Verdict.reject(GateError.NULL_VALUE, "event product " + product.productName()
                    + " takes no tombstones: the record has no value");
        }
        Framed framed = frame(value, product.valueSubject(), "value");
        if (framed.error() != null) {
            return framed.error();
        }
        Verdict scannedVerdict = checkScanned(product, key, value, framed);
        if (scannedVerdict != null) {
            return scannedVerdict;
        }
        Decoded decoded = read(value, framed, "value", valueReaders);
        if (decoded.error() != null) {
            return decoded.error();
        }
        Object celKey = null;
        if (product.keyField() != null) {
            Verdict keyVerdict = checkFieldKey(product.keyField(), key, decoded.record());
            if (keyVerdict != null) {
                return keyVerdict;
            }
            celKey = new String(key, StandardCharsets.UTF_8);
        } else if (product.avroKey()) {
            Decoded decodedKey = decode(key, product.keySubject(), "key", keyReaders);
            if (decodedKey.error() != null) {
                return Verdict.reject(GateError.BAD_KEY, decodedKey.error().reason());
            }
            celKey = AvroToCel.convert(decodedKey.record(), decodedKey.record().getSchema());
        } else if (key != null) {
            celKey = new String(key, StandardCharsets.UTF_8);
        }
        Verdict rules = checkRules(product, celKey == null ? com.google.protobuf.NullValue.NULL_VALUE : celKey, decoded.record());
        return rules != null ? rules : Verdict.pass(decoded.schemaId());
    }

    /**
     * The verdict on a value read by the product's {@link FieldScan} alone, or null when the value must be decoded in
     * full: no scan for this product, or anything the scan does not answer for (a record the full decode may refuse,
     * a key that differs), so every refusal but a rule's, and its text, come from the full decode.
     */
    private Verdict checkScanned(GatedProduct product, byte[] key, byte[] value, Framed framed) {
        FieldScan scan = scanning ? product.fieldScan(framed.id(), framed.schema()) : null;
        List<QualityRuleProgram> rules = product.rules();
        if (scan == null || (product.keyField() != null && key == null)) {
            return null;
        }
        decoder.reset(value, FRAME_LENGTH, value.length - FRAME_LENGTH);
        if (!scan.scan(decoder, scanned.fitting(scan))) {
            return null;
        }
        if (product.keyField() != null && !Arrays.equals(value, scanned.keyStart, scanned.keyEnd, key, 0, key.length)) {
            return null;
        }
        // A scanned field always holds a number, so every rule is answered here, in the order the full path takes them.
        for (int i = 0; i < rules.size(); i++) {
            QualityRuleProgram rule = rules.get(i);
            if (!scan.holds(scanned, i, rule.comparison())) {
                Verdict failed = failed(product, rule);
                if (failed != null) {
                    return failed;
                }
            }
        }
        return Verdict.pass(framed.id());
    }

    private Decoded decode(byte[] bytes, String subject, String part, Map<Integer, ReusingReader> readers) {
        Framed framed = frame(bytes, subject, part);
        return framed.error() != null ? Decoded.failed(framed.error()) : read(bytes, framed, part, readers);
    }

    /** The frame's schema id and the schema registered under it, or why the bytes have neither. */
    private Framed frame(byte[] bytes, String subject, String part) {
        if (bytes == null || bytes.length < FRAME_LENGTH) {
            return Framed.failed(Verdict.reject(GateError.NOT_FRAMED, "the " + part + " has "
                    + (bytes == null ? 0 : bytes.length) + " bytes; expected Confluent's frame: magic byte 0, a 4-byte schema id, then Avro"));
        }
        if (bytes[0] != MAGIC_BYTE) {
            return Framed.failed(Verdict.reject(GateError.BAD_MAGIC_BYTE, "the " + part + " starts with byte "
                    + bytes[0] + "; expected Confluent's magic byte 0"));
        }
        int id = (bytes[1] & 0xff) << 24 | (bytes[2] & 0xff) << 16 | (bytes[3] & 0xff) << 8 | (bytes[4] & 0xff);
        if (id == lastId && subject == lastSubject) {
            return new Framed(id, lastSchema, null);
        }
        Optional<Schema> schema;
        try {
            schema = schemas.schemaIn(subject, id);
        } catch (SchemaRegistryException e) {
            // An outage is retried by the caller; a refusal (a 4xx other than 404) will not change by asking again.
            if (e.retriable()) {
                throw e;
            }
            return Framed.failed(Verdict.reject(GateError.REGISTRY_REFUSED, "the schema registry refused to look up schema id "
                    + id + " under subject " + subject + " with HTTP " + e.status() + ": " + e.getMessage()));
        }
        if (schema.isEmpty()) {
            return Framed.failed(Verdict.reject(GateError.UNKNOWN_SCHEMA_ID, "schema id " + id
                    + " is not registered under subject " + subject));
        }
        lastSubject = subject;
        lastId = id;
        lastSchema = schema.get();
        return new Framed(id, lastSchema, null);
    }

    private Decoded read(byte[] bytes, Framed framed, String part, Map<Integer, ReusingReader> readers) {
        int id = framed.id();
        Schema schema = framed.schema();
        try {
            decoder.reset(bytes, FRAME_LENGTH, bytes.length - FRAME_LENGTH);
            GenericRecord record = readers.computeIfAbsent(id, unused -> new ReusingReader(schema)).read(decoder, bytes.length);
            if (!decoder.isEnd()) {
                return Decoded.failed(Verdict.reject(GateError.UNDECODABLE, "the " + part
                        + " has bytes left over after a complete record of schema id " + id));
            }
            return new Decoded(record, id, null);
        } catch (IOException | RuntimeException e) {
            return Decoded.failed(Verdict.reject(GateError.UNDECODABLE, "the " + part + " does not decode with schema id "
                    + id + " (" + schema.getFullName() + "): "
                    + ValueFreeReasons.of(e.getMessage(), null, schema.toString())));
        }
    }

    // Names the field and what was expected, never the key or the field's value: DLQ readers may not be cleared for PII.
    private static Verdict checkFieldKey(String field, byte[] key, GenericRecord value) {
        Schema.Field schemaField = value.getSchema().getField(field);
        if (schemaField == null) {
            return Verdict.reject(GateError.KEY_MISMATCH, "the value has no key field '" + field + "'");
        }
        Object fieldValue = value.get(schemaField.pos());
        // Equal bytes decode to equal strings: the common case needs neither decoded.
        if (fieldValue instanceof Utf8 utf8 && key != null
                && Arrays.equals(utf8.getBytes(), 0, utf8.getByteLength(), key, 0, key.length)) {
            return null;
        }
        String expected = fieldValue == null ? null : fieldValue.toString();
        String actual = key == null ? null : new String(key, StandardCharsets.UTF_8);
        if (expected == null) {
            return Verdict.reject(GateError.KEY_MISMATCH, "the value's key field " + field
                    + " is null; expected the key's value, as a UTF-8 string");
        }
        if (!expected.equals(actual)) {
            return Verdict.reject(GateError.KEY_MISMATCH, "the key (" + (key == null ? 0 : key.length)
                    + " bytes) does not equal the value's " + field + " (" + expected.getBytes(StandardCharsets.UTF_8).length
                    + " bytes as UTF-8); expected the key to be that field's value as a UTF-8 string");
        }
        return null;
    }

    private static Verdict checkRules(GatedProduct product, Object key, GenericRecord record) {
        if (product.rules().isEmpty()) {
            return null;
        }
        Object value = AvroToCel.convert(record, record.getSchema());
        for (QualityRuleProgram rule : product.rules()) {
            try {
                if (!rule.holds(key, value)) {
                    Verdict failed = failed(product, rule);
                    if (failed != null) {
                        return failed;
                    }
                }
            } catch (CelEvaluationException e) {
                return Verdict.reject(GateError.QUALITY_RULE_ERROR, "quality rule '" + rule.rule().name() + "' ("
                        + rule.rule().rule() + ") cannot be evaluated on this record: "
                        + ValueFreeReasons.of(e.getMessage(), record, rule.rule().rule()));
            }
        }
        return null;
    }

    /** The verdict when {@code rule} is false for a record: a dead letter, or null and a warning counted. */
    private static Verdict failed(GatedProduct product, QualityRuleProgram rule) {
        if (rule.dlqOnFailure()) {
            return Verdict.reject(GateError.QUALITY_RULE_FAILED, "quality rule '" + rule.rule().name()
                    + "' (" + rule.rule().rule() + ") is false for this record");
        }
        product.ruleWarnings(rule.rule().name()).increment();
        return null;
    }

    private static String keyHint(GatedProduct product) {
        return product.keyField() == null ? "" : " (the value's " + product.keyField() + " as a UTF-8 string)";
    }

    private record Framed(int id, Schema schema, Verdict error) {
        static Framed failed(Verdict error) {
            return new Framed(-1, null, error);
        }
    }

    private record Decoded(GenericRecord record, int schemaId, Verdict error) {
        static Decoded failed(Verdict error) {
            return new Decoded(null, -1, error);
        }
    }
}
