package io.meshbone.registry.internal;

/** A schema reference: the named type {@code name} is defined by {@code subject} at {@code version}. */
public record SchemaRef(String name, String subject, int version) {
}
