package io.meshbone.registry.internal;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON keys and values of {@code _schemas}, shaped like Confluent's so either registry can read them.
 *
 * <p>Keys: {@code {"keytype":"SCHEMA","subject":…,"version":…,"magic":1}},
 * {@code {"keytype":"CONFIG","subject":…|null,"magic":0}}, {@code {"keytype":"MODE",…}}.
 * Other key types Confluent writes (NOOP, DELETE_SUBJECT, CLEAR_SUBJECT) carry nothing this
 * registry needs: soft deletes are also written as {@code "deleted":true} schema values.
 */
final class StoreCodec {

    /**
     * The record header naming the URL of the instance that wrote the record, so that every instance knows the current
     * writer and forwards writes to it; Confluent's readers ignore headers.
     */
    static final String WRITER_HEADER = "meshbone.registry.writer";

    private StoreCodec() {
    }

    static String schemaKey(String subject, int version) {
        ObjectNode key = Json.object();
        key.put("keytype", "SCHEMA");
        key.put("subject", subject);
        key.put("version", version);
        key.put("magic", 1);
        return Json.write(key);
    }

    static String configKey(String subject) {
        return settingKey("CONFIG", subject);
    }

    static String modeKey(String subject) {
        return settingKey("MODE", subject);
    }

    private static String settingKey(String type, String subject) {
        ObjectNode key = Json.object();
        key.put("keytype", type);
        if (RegistryState.GLOBAL.equals(subject)) {
            key.putNull("subject");
        } else {
            key.put("subject", subject);
        }
        key.put("magic", 0);
        return Json.write(key);
    }

    static String schemaValue(StoredSchema schema) {
        ObjectNode value = Json.object();
        value.put("subject", schema.subject());
        value.put("version", schema.version());
        value.put("id", schema.id());
        SchemaContent content = schema.content();
        if (!"AVRO".equals(content.schemaType())) {
            value.put("schemaType", content.schemaType());
        }
        if (!content.references().isEmpty()) {
            value.set("references", Json.references(content.references()));
        }
        if (content.metadata() != null) {
            value.set("metadata", content.metadata());
        }
        if (content.ruleSet() != null) {
            value.set("ruleSet", content.ruleSet());
        }
        value.put("schema", content.schema());
        value.put("deleted", schema.deleted());
        return Json.write(value);
    }

    static String configValue(SubjectConfig config) {
        return Json.write(config.toJson());
    }

    static String modeValue(String mode) {
        return Json.write(Json.object().put("mode", mode));
    }

    /** Applies one record of the topic to the state; unknown key types are skipped. */
    static void apply(String keyText, String valueText, RegistryState state) {
        JsonNode key = Json.read(keyText);
        String type = key.path("keytype").asText();
        String subject = key.path("subject").isNull() || key.path("subject").isMissingNode()
                ? RegistryState.GLOBAL : key.path("subject").asText();
        JsonNode value = valueText == null ? null : Json.read(valueText);
        switch (type) {
            case "SCHEMA" -> {
                if (value == null) {
                    state.removeSchema(subject, key.path("version").asInt());
                } else {
                    state.putSchema(schema(value));
                }
            }
            case "CONFIG" -> state.putConfig(subject, value == null ? null : new SubjectConfig(
                    value.path("compatibilityLevel").asText(null),
                    value.path("normalize").isBoolean() ? value.path("normalize").asBoolean() : null));
            case "MODE" -> state.putMode(subject, value == null ? null : value.path("mode").asText(null));
            default -> {
                // NOOP and subject-level markers carry no state of their own here.
            }
        }
    }

    private static StoredSchema schema(JsonNode value) {
        List<SchemaRef> refs = new ArrayList<>();
        for (JsonNode ref : value.path("references")) {
            refs.add(new SchemaRef(ref.path("name").asText(), ref.path("subject").asText(), ref.path("version").asInt()));
        }
        SchemaContent content = new SchemaContent(value.path("schemaType").asText("AVRO"), value.path("schema").asText(),
                refs, nullIfMissing(value.get("metadata")), nullIfMissing(value.get("ruleSet")));
        return new StoredSchema(value.path("subject").asText(), value.path("version").asInt(), value.path("id").asInt(),
                content, value.path("deleted").asBoolean(false));
    }

    private static JsonNode nullIfMissing(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }

}
