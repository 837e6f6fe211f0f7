package io.meshbone.registry.internal;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** A registration, lookup or compatibility request body ({@code RegisterSchemaRequest} in the OpenAPI file). */
record RegisterRequest(String schemaType, String schema, List<SchemaRef> references, JsonNode metadata, JsonNode ruleSet,
                       Integer id, Integer version) {

    static RegisterRequest from(JsonNode body) {
        if (!body.isObject()) {
            throw Errors.badRequestJson("Expected a JSON object with a 'schema' field");
        }
        List<SchemaRef> refs = new ArrayList<>();
        for (JsonNode ref : body.path("references")) {
            if (!ref.hasNonNull("name") || !ref.hasNonNull("subject") || !ref.path("version").canConvertToInt()) {
                throw Errors.invalidSchema("Invalid schema reference " + ref + ": name, subject and version are required");
            }
            refs.add(new SchemaRef(ref.get("name").asText(), ref.get("subject").asText(), ref.get("version").asInt()));
        }
        return new RegisterRequest(text(body, "schemaType"), text(body, "schema"), refs, object(body, "metadata"),
                object(body, "ruleSet"), integer(body, "id"), integer(body, "version"));
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static JsonNode object(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node;
    }

    private static Integer integer(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.canConvertToInt()) {
            if ("id".equals(field) && node.isIntegralNumber()) {
                throw Errors.invalidSchemaId(node.asText());
            }
            throw Errors.badRequestJson("Field '" + field + "' must be a 32-bit integer, got " + node);
        }
        return node.asInt();
    }
}
