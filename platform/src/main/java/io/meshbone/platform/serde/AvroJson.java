package io.meshbone.platform.serde;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;

/**
 * Avro data to plain JSON for people: decimals as numbers, enums as strings, unions unwrapped, PII fields masked.
 */
public final class AvroJson {

    /** What a masked field shows instead of its value. */
    public static final String MASK = "***";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AvroJson() {
    }

    /** Whether the field carries the {@code "tags": ["PII"]} property. */
    public static boolean isPii(Schema.Field field) {
        Object tags = field.getObjectProp("tags");
        return tags instanceof Collection<?> list && list.stream().anyMatch(t -> "PII".equalsIgnoreCase(String.valueOf(t)));
    }

    /** The datum as JSON; PII-tagged record fields are replaced by {@link #MASK} when {@code mask} is set. */
    public static JsonNode toJson(Object datum, Schema schema, boolean mask) {
        if (datum == null) {
            return NODES.nullNode();
        }
        switch (schema.getType()) {
            case RECORD -> {
                IndexedRecord record = (IndexedRecord) datum;
                ObjectNode node = NODES.objectNode();
                for (Schema.Field field : schema.getFields()) {
                    Object value = record.get(field.pos());
                    node.set(field.name(), mask && isPii(field) && value != null ? NODES.textNode(MASK)
                            : toJson(value, field.schema(), mask));
                }
                return node;
            }
            case UNION -> {
                int branch = GenericData.get().resolveUnion(schema, datum);
                return toJson(datum, schema.getTypes().get(branch), mask);
            }
            case ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                ((Collection<?>) datum).forEach(item -> array.add(toJson(item, schema.getElementType(), mask)));
                return array;
            }
            case MAP -> {
                ObjectNode node = NODES.objectNode();
                ((Map<?, ?>) datum).forEach((k, v) -> node.set(k.toString(), toJson(v, schema.getValueType(), mask)));
                return node;
            }
            case BYTES, FIXED -> {
                byte[] bytes = datum instanceof ByteBuffer buffer ? bytes(buffer) : ((GenericFixed) datum).bytes();
                LogicalType logical = schema.getLogicalType();
                if (logical instanceof LogicalTypes.Decimal decimal) {
                    return NODES.numberNode(new BigDecimal(new BigInteger(bytes), decimal.getScale()));
                }
                return NODES.textNode(Base64.getEncoder().encodeToString(bytes));
            }
            case INT -> {
                return NODES.numberNode((Integer) datum);
            }
            case LONG -> {
                return NODES.numberNode((Long) datum);
            }
            case FLOAT -> {
                return NODES.numberNode((Float) datum);
            }
            case DOUBLE -> {
                return NODES.numberNode((Double) datum);
            }
            case BOOLEAN -> {
                return NODES.booleanNode((Boolean) datum);
            }
            default -> {
                return NODES.textNode(datum.toString());
            }
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
