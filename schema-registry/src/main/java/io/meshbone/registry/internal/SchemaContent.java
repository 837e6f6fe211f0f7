package io.meshbone.registry.internal;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a schema id stands for: type, canonical schema text, references, metadata and rule set.
 *
 * <p>Equal contents share one id across subjects; {@code metadata} and {@code ruleSet} are part of
 * the identity, as in Confluent's registry. {@code null} stands for an absent metadata or rule set.
 */
public record SchemaContent(String schemaType, String schema, List<SchemaRef> references, JsonNode metadata, JsonNode ruleSet) {

    public SchemaContent {
        references = List.copyOf(references);
    }

    /** The same schema text and references, ignoring metadata and rule set. */
    boolean sameSchema(SchemaContent other) {
        return schemaType.equals(other.schemaType) && schema.equals(other.schema) && references.equals(other.references);
    }
}
