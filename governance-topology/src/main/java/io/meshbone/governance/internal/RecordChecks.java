package io.meshbone.governance.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
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

    public RecordChecks(SchemaLookup schemas) {
        this.schemas = schemas;
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
        Decoded decoded = decode(value, product.valueSubject(), "value", valueReaders);
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

    private Decoded decode(byte[] bytes, String subject, String part, Map<Integer, ReusingReader> readers) {
        if (bytes == null || bytes.length < FRAME_LENGTH) {
            return Decoded.failed(Verdict.reject(GateError.NOT_FRAMED, "the " + part + " has "
                    + (bytes == null ? 0 : bytes.length) + " bytes; expected Confluent's frame: magic byte 0, a 4-byte schema id, then Avro"));
        }
        if (bytes[0] != MAGIC_BYTE) {
            return Decoded.failed(Verdict.reject(GateError.BAD_MAGIC_BYTE, "the " + part + " starts with byte "
                    + bytes[0] + "; expected Confluent's magic byte 0"));
        }
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        Optional<Schema> schema;
        try {
            schema = schemas.schemaIn(subject, id);
        } catch (SchemaRegistryException e) {
            // An outage is retried by the caller; a refusal (a 4xx other than 404) will not change by asking again.
            if (e.retriable()) {
                throw e;
            }
            return Decoded.failed(Verdict.reject(GateError.REGISTRY_REFUSED, "the schema registry refused to look up schema id "
                    + id + " under subject " + subject + " with HTTP " + e.status() + ": " + e.getMessage()));
        }
        if (schema.isEmpty()) {
            return Decoded.failed(Verdict.reject(GateError.UNKNOWN_SCHEMA_ID, "schema id " + id
                    + " is not registered under subject " + subject));
        }
        try {
            decoder.reset(bytes, FRAME_LENGTH, bytes.length - FRAME_LENGTH);
            GenericRecord record = readers.computeIfAbsent(id, unused -> new ReusingReader(schema.get())).read(decoder, bytes.length);
            if (!decoder.isEnd()) {
                return Decoded.failed(Verdict.reject(GateError.UNDECODABLE, "the " + part
                        + " has bytes left over after a complete record of schema id " + id));
            }
            return new Decoded(record, id, null);
        } catch (IOException | RuntimeException e) {
            return Decoded.failed(Verdict.reject(GateError.UNDECODABLE, "the " + part + " does not decode with schema id "
                    + id + " (" + schema.get().getFullName() + "): "
                    + ValueFreeReasons.of(e.getMessage(), null, schema.get().toString())));
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
                    if (rule.dlqOnFailure()) {
                        return Verdict.reject(GateError.QUALITY_RULE_FAILED, "quality rule '" + rule.rule().name()
                                + "' (" + rule.rule().rule() + ") is false for this record");
                    }
                    product.ruleWarnings(rule.rule().name()).increment();
                }
            } catch (CelEvaluationException e) {
                return Verdict.reject(GateError.QUALITY_RULE_ERROR, "quality rule '" + rule.rule().name() + "' ("
                        + rule.rule().rule() + ") cannot be evaluated on this record: "
                        + ValueFreeReasons.of(e.getMessage(), record, rule.rule().rule()));
            }
        }
        return null;
    }

    private static String keyHint(GatedProduct product) {
        return product.keyField() == null ? "" : " (the value's " + product.keyField() + " as a UTF-8 string)";
    }

    private record Decoded(GenericRecord record, int schemaId, Verdict error) {
        static Decoded failed(Verdict error) {
            return new Decoded(null, -1, error);
        }
    }
}
