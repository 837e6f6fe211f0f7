package io.meshbone.registry.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * Parses Avro schema text with its references and produces the canonical text the registry stores.
 *
 * <p>Canonical text is Avro's compact {@code Schema.toString()}, with referenced named types left
 * as names rather than inlined. With {@code normalize=true} the JSON object keys of that text are
 * also sorted (arrays such as fields and symbols keep their order), so schemas that differ only
 * in key order or custom-property order map to one id.
 */
public final class AvroSchemas {

    private static final Set<String> UNSUPPORTED_TYPES = Set.of("JSON", "PROTOBUF");

    private AvroSchemas() {
    }

    /** A parsed schema with the named types its references bring. */
    public record Parsed(Schema schema, List<Schema> referenced) {

        String canonical(boolean normalize) {
            String text = referenced.isEmpty() ? schema.toString() : schema.toString(referenced, false);
            return normalize ? Json.write(sorted(Json.read(text))) : text;
        }
    }

    /** Rejects schema types other than AVRO with a clear 42201. */
    public static String checkType(String schemaType) {
        String type = schemaType == null || schemaType.isBlank() ? "AVRO" : schemaType;
        if (UNSUPPORTED_TYPES.contains(type)) {
            throw Errors.invalidSchema("Schema type " + type + " is not supported by this registry; only AVRO schemas are accepted");
        }
        if (!"AVRO".equals(type)) {
            throw Errors.invalidSchema("Invalid schema type " + type + "; only AVRO is supported");
        }
        return type;
    }

    /** Parses {@code text} after the schemas its references name, each resolved recursively from the state. */
    public static Parsed parse(String text, List<SchemaRef> refs, RegistryState state) {
        if (text == null || text.isBlank()) {
            throw Errors.invalidSchema("Invalid schema: the 'schema' field is empty");
        }
        Map<String, Schema> known = new LinkedHashMap<>();
        for (SchemaRef ref : refs) {
            addReferenced(ref, state, known, 0);
        }
        try {
            Schema.Parser parser = new Schema.Parser();
            parser.setValidateDefaults(true);
            parser.addTypes(known.values());
            Schema schema = parser.parse(text);
            return new Parsed(schema, List.copyOf(known.values()));
        } catch (NullPointerException e) {
            // Avro 1.12 fails a top-level name it does not know ({"type":"nope"}) with a bare NullPointerException
            // about its internal placeholder; say which name, as it does for an undefined name inside a record.
            throw Errors.invalidSchema("Invalid schema " + text + " with refs " + refs + " of type AVRO, details: "
                    + "Undefined schema: " + topLevelName(text) + " is neither a primitive type nor a defined name");
        } catch (SchemaParseException e) {
            throw Errors.invalidSchema("Invalid schema " + text + " with refs " + refs + " of type AVRO, details: " + e.getMessage());
        } catch (RuntimeException e) {
            // Avro reports some faults (unresolved names, bad defaults) as other runtime exceptions: still the client's schema.
            throw Errors.invalidSchema("Invalid schema " + text + " with refs " + refs + " of type AVRO, details: " + e);
        }
    }

    private static String topLevelName(String text) {
        try {
            JsonNode node = Json.read(text);
            return node.isObject() ? node.path("type").toString() : node.toString();
        } catch (RuntimeException unreadable) {
            return "(unreadable)";
        }
    }

    private static void addReferenced(SchemaRef ref, RegistryState state, Map<String, Schema> known, int depth) {
        if (depth > 32) {
            throw Errors.invalidSchema("Schema references nest deeper than 32 levels at " + ref);
        }
        StoredSchema target = state.version(ref.subject(), ref.version())
                .filter(s -> !s.deleted())
                .orElseThrow(() -> Errors.invalidSchema("Invalid schema: reference " + ref.name() + " points at subject '"
                        + ref.subject() + "' version " + ref.version() + ", which does not exist"));
        for (SchemaRef inner : target.content().references()) {
            addReferenced(inner, state, known, depth + 1);
        }
        Schema.Parser parser = new Schema.Parser();
        parser.addTypes(known.values());
        Schema schema = parser.parse(target.content().schema());
        for (Map.Entry<String, Schema> type : parser.getTypes().entrySet()) {
            known.putIfAbsent(type.getKey(), type.getValue());
        }
        known.putIfAbsent(ref.name(), schema);
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = Json.object();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            for (String name : names) {
                out.set(name, sorted(node.get(name)));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = Json.array();
            node.forEach(element -> out.add(sorted(element)));
            return out;
        }
        return node;
    }
}
