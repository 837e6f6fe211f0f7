package io.meshbone.registry.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON shapes of the answers, named after the OpenAPI file's component schemas. */
final class Views {

    private Views() {
    }

    /** {@code Schema}: subject, version, id, schema and, when present, type, references, metadata, rule set. */
    static ObjectNode schema(StoredSchema stored) {
        ObjectNode node = Json.object();
        node.put("subject", stored.subject());
        node.put("version", stored.version());
        node.put("id", stored.id());
        content(node, stored.content());
        return node;
    }

    /** {@code SchemaString}: the schema an id stands for. */
    static ObjectNode schemaString(SchemaContent content) {
        return content(Json.object(), content);
    }

    static ObjectNode registered(Registrar.Registered registered) {
        ObjectNode node = Json.object();
        node.put("id", registered.id());
        node.put("version", registered.version());
        return content(node, registered.content());
    }

    private static ObjectNode content(ObjectNode node, SchemaContent content) {
        if (!"AVRO".equals(content.schemaType())) {
            node.put("schemaType", content.schemaType());
        }
        if (!content.references().isEmpty()) {
            node.set("references", Json.references(content.references()));
        }
        if (content.metadata() != null) {
            node.set("metadata", content.metadata());
        }
        if (content.ruleSet() != null) {
            node.set("ruleSet", content.ruleSet());
        }
        node.put("schema", content.schema());
        return node;
    }
}
