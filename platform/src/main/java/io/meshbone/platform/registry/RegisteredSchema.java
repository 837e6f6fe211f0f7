package io.meshbone.platform.registry;

/**
 * A schema as a registry holds it under a subject.
 *
 * @param schemaType {@code AVRO} unless the registry says otherwise
 */
public record RegisteredSchema(String subject, int version, int id, String schemaType, String schema) {
}
