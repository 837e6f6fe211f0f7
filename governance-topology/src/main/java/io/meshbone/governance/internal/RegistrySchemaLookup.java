package io.meshbone.governance.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.meshbone.platform.registry.SchemaRegistryClient;
import io.meshbone.platform.registry.SchemaRegistryException;
import org.apache.avro.Schema;

/**
 * Answers "is this id a version of that subject?" through the registry, remembering every yes.
 *
 * <p>Ids never change meaning and versions are only soft-deleted, so a yes is cached for good;
 * a no is asked again next time, since the id may be registered by then.
 */
public final class RegistrySchemaLookup implements SchemaLookup {

    private final SchemaRegistryClient client;
    private final Map<SubjectId, Schema> known = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> parsed = new ConcurrentHashMap<>();

    public RegistrySchemaLookup(SchemaRegistryClient client) {
        this.client = client;
    }

    @Override
    public Optional<Schema> schemaIn(String subject, int id) {
        SubjectId cacheKey = new SubjectId(subject, id);
        Schema cached = known.get(cacheKey);
        if (cached != null) {
            return Optional.of(cached);
        }
        try {
            String text = client.schemaById(id);
            if (client.lookup(subject, text).id() != id) {
                return Optional.empty();
            }
            Schema schema = parsed.computeIfAbsent(id, unused -> new Schema.Parser().parse(text));
            known.put(cacheKey, schema);
            return Optional.of(schema);
        } catch (SchemaRegistryException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private record SubjectId(String subject, int id) {
    }
}
