package io.meshbone.platform.control;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/** JSON serdes for the records on the mesh's internal topics. */
public final class MeshJson {

    // Kept private: a shared mutable mapper lets any caller change how every mesh record is read.
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final ObjectReader READER = MAPPER.reader();
    private static final ObjectWriter WRITER = MAPPER.writer();

    private MeshJson() {
    }

    /** Reads one mesh document as {@code type}: ISO-8601 instants, unknown fields tolerated. */
    public static <T> T read(byte[] json, Class<T> type) throws IOException {
        return READER.forType(type).readValue(json);
    }

    /** Reads one mesh document as {@code type}. */
    public static <T> T read(String json, Class<T> type) throws IOException {
        return READER.forType(type).readValue(json);
    }

    /** Reads any JSON document as a tree; numbers with a fraction stay exact ({@code BigDecimal}). */
    public static JsonNode tree(String json) throws IOException {
        return READER.readTree(json);
    }

    /** Reads any JSON document as a tree. */
    public static JsonNode tree(byte[] json) throws IOException {
        return READER.readTree(json);
    }

    /** Writes a value as the mesh writes every record: ISO-8601 instants. */
    public static String write(Object value) throws JsonProcessingException {
        return WRITER.writeValueAsString(value);
    }

    /** A new, empty JSON object. */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** A serde for one record type; a null payload is a tombstone and maps to null. */
    public static <T> Serde<T> serde(Class<T> type) {
        Serializer<T> serializer = (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                return WRITER.writeValueAsBytes(value);
            } catch (IOException e) {
                throw new SerializationException("cannot write " + type.getSimpleName() + " to " + topic + " as JSON", e);
            }
        };
        Deserializer<T> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return read(bytes, type);
            } catch (IOException e) {
                throw new SerializationException("record on " + topic + " is not a valid " + type.getSimpleName()
                        + " JSON document: " + e.getMessage(), e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
