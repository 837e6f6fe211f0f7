package io.meshbone.registry.internal;

/** One version of one subject as it stands in {@code _schemas}. */
public record StoredSchema(String subject, int version, int id, SchemaContent content, boolean deleted) {

    StoredSchema withDeleted(boolean flag) {
        return new StoredSchema(subject, version, id, content, flag);
    }
}
