package io.meshbone.registry.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshbone.http.Call;

/** The registry's one Jackson mapper and the small JSON helpers around it. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses text that this registry wrote itself; a failure is a store error, not bad input. */
    static JsonNode read(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable JSON in the schemas topic", e);
        }
    }

    /** Parses a request body; malformed JSON answers 400 with error_code 400, as Confluent's rest-utils does. */
    static JsonNode body(Call call) {
        try {
            JsonNode node = MAPPER.readTree(call.body());
            if (node == null || node.isMissingNode()) {
                throw Errors.badRequestJson("Request body is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw Errors.badRequestJson(e.getOriginalMessage());
        } catch (IOException e) {
            throw Errors.badRequestJson(e.getMessage());
        }
    }

    static ArrayNode references(List<SchemaRef> refs) {
        ArrayNode array = array();
        for (SchemaRef ref : refs) {
            array.addObject().put("name", ref.name()).put("subject", ref.subject()).put("version", ref.version());
        }
        return array;
    }
}
