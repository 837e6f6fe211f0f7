package io.meshbone.governance.internal;

import java.util.Optional;

import org.apache.avro.Schema;

/** Finds the Avro schema a record's id names, if that id is registered under the product's subject. */
@FunctionalInterface
public interface SchemaLookup {

    /**
     * The schema with {@code id} when {@code subject} has a version with that id; empty otherwise. A yes is for good
     * (ids never change meaning, versions are only soft-deleted): callers may remember it; a no may turn into a yes.
     */
    Optional<Schema> schemaIn(String subject, int id);
}
