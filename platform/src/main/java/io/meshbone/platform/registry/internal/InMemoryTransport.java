package io.meshbone.platform.registry.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshbone.platform.registry.RegisteredSchema;
import io.meshbone.platform.registry.SchemaRegistryException;

/**
 * Answers the registry REST calls a client makes from an {@link InMemoryRegistry}, with the bodies and errors the
 * HTTP API gives, so a {@code mock://} client goes through the very code paths an HTTP one does.
 */
final class InMemoryTransport implements RegistryTransport {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final InMemoryRegistry registry;

    InMemoryTransport(InMemoryRegistry registry) {
        this.registry = registry;
    }

    @Override
    public JsonNode call(String method, String pathAndQuery, JsonNode body) {
        int question = pathAndQuery.indexOf('?');
        String query = question < 0 ? "" : pathAndQuery.substring(question + 1);
        List<String> path = Arrays.stream(pathAndQuery.substring(0, question < 0 ? pathAndQuery.length() : question).split("/"))
                .filter(segment -> !segment.isEmpty())
                .map(segment -> URLDecoder.decode(segment, StandardCharsets.UTF_8))
                .toList();
        String route = method + " " + shape(path);
        return switch (route) {
            case "POST /subjects/*/versions" -> JSON.objectNode().put("id", registry.register(path.get(1), schema(body)));
            case "POST /subjects/*" -> registered(registry.lookup(path.get(1), schema(body)));
            case "GET /subjects" -> strings(registry.subjects());
            case "GET /subjects/*/versions" -> {
                ArrayNode versions = JSON.arrayNode();
                registry.versions(path.get(1)).forEach(versions::add);
                yield versions;
            }
            case "GET /subjects/*/versions/*" -> registered(registry.version(path.get(1), path.get(3)));
            case "GET /schemas/ids/*" -> JSON.objectNode().put("schema", registry.schemaById(id(path.get(2))));
            case "POST /compatibility/subjects/*/versions" -> compatibility(registry.incompatibilities(path.get(2), schema(body)),
                    query.contains("verbose=true"));
            case "GET /config" -> JSON.objectNode().put("compatibilityLevel", registry.globalCompatibility().name());
            case "GET /config/*" -> JSON.objectNode().put("compatibilityLevel",
                    registry.compatibility(path.get(1), query.contains("defaultToGlobal=true")).name());
            case "PUT /config" -> JSON.objectNode().put("compatibility", registry.setCompatibility(null, level(body)).name());
            case "PUT /config/*" -> JSON.objectNode().put("compatibility", registry.setCompatibility(path.get(1), level(body)).name());
            default -> throw new SchemaRegistryException(404, 404, "HTTP 404 Not Found: the mock registry does not serve "
                    + method + " " + pathAndQuery);
        };
    }

    // The route with its variable parts (subject, id, version) as "*", e.g. "/subjects/x/versions/2" -> "/subjects/*/versions/*".
    private static String shape(List<String> path) {
        StringBuilder shape = new StringBuilder();
        for (int i = 0; i < path.size(); i++) {
            boolean variable = switch (path.get(0)) {
                case "subjects", "config" -> i == 1 || i == 3;
                case "schemas" -> i == 2;
                case "compatibility" -> i == 2 || i == 4;
                default -> false;
            };
            shape.append('/').append(variable ? "*" : path.get(i));
        }
        return shape.isEmpty() ? "/" : shape.toString();
    }

    private static String schema(JsonNode body) {
        JsonNode schema = body == null ? null : body.get("schema");
        return schema == null || schema.isNull() ? null : schema.asText();
    }

    private static String level(JsonNode body) {
        JsonNode level = body == null ? null : body.has("compatibility") ? body.get("compatibility") : body.get("compatibilityLevel");
        return level == null || level.isNull() ? null : level.asText();
    }

    private static int id(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new SchemaRegistryException(404, 404, "HTTP 404 Not Found: schema id '" + text + "' is not a number");
        }
    }

    private static ObjectNode registered(RegisteredSchema schema) {
        return JSON.objectNode().put("subject", schema.subject()).put("version", schema.version()).put("id", schema.id())
                .put("schemaType", schema.schemaType()).put("schema", schema.schema());
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = JSON.arrayNode();
        values.forEach(array::add);
        return array;
    }

    private static JsonNode compatibility(List<String> problems, boolean verbose) {
        ObjectNode answer = JSON.objectNode().put("is_compatible", problems.isEmpty());
        if (verbose) {
            problems.forEach(answer.putArray("messages")::add);
        }
        return answer;
    }
}
