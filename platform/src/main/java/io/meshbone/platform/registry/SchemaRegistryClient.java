package io.meshbone.platform.registry;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshbone.platform.registry.internal.RegistryTransport;
import io.meshbone.platform.registry.internal.RestTransport;
import org.apache.kafka.common.cache.Cache;
import org.apache.kafka.common.cache.LRUCache;
import org.apache.kafka.common.cache.SynchronizedCache;

/**
 * A client of a Confluent-compatible schema registry (ours or Confluent's) for Avro schemas.
 *
 * <p>Ids are immutable, so {@code id -> schema} and {@code (subject, schema) -> id} answers are
 * cached for the life of the client, each cache keeping the
 * {@link SchemaRegistryClientSettings#cacheCapacity() cacheCapacity} most recently used entries. Calls
 * fail over across the configured URLs and retry only 408, 429, 5xx and unreachable registries, with
 * exponential backoff and jitter. Thread-safe.
 *
 * <p>A {@code mock://<scope>} URL (for hermetic tests) talks to an in-memory registry shared by every client of that
 * scope in the JVM; see {@link MockSchemaRegistry}.
 */
public final class SchemaRegistryClient {

    private static final int SUBJECT_NOT_FOUND = 40401;
    private static final int SUBJECT_LEVEL_NOT_CONFIGURED = 40408;

    private final RegistryTransport transport;
    private final Cache<Integer, String> schemasById;
    private final Cache<SubjectSchema, Integer> idsBySubjectSchema;

    private record SubjectSchema(String subject, String schema) {
    }

    public SchemaRegistryClient(SchemaRegistryClientSettings settings) {
        this.transport = RegistryTransport.of(settings);
        this.schemasById = new SynchronizedCache<>(new LRUCache<>(settings.cacheCapacity()));
        this.idsBySubjectSchema = new SynchronizedCache<>(new LRUCache<>(settings.cacheCapacity()));
    }

    /** Registers an Avro schema under a subject (or finds it there) and returns its id. */
    public int register(String subject, String schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = transport.call("POST", "/subjects/" + encode(subject) + "/versions", body(schema));
        int id = answer.get("id").asInt();
        idsBySubjectSchema.put(key, id);
        keepSchema(id, schema);
        return id;
    }

    /** Finds an already registered schema under a subject; a 40401/40403 {@link SchemaRegistryException} if absent. */
    public RegisteredSchema lookup(String subject, String schema) {
        RegisteredSchema found = parse(transport.call("POST", "/subjects/" + encode(subject), body(schema)));
        idsBySubjectSchema.put(new SubjectSchema(subject, schema), found.id());
        return found;
    }

    /** The id of a schema under a subject, from the cache or by {@link #lookup}. */
    public int id(String subject, String schema) {
        Integer cached = idsBySubjectSchema.get(new SubjectSchema(subject, schema));
        return cached != null ? cached : lookup(subject, schema).id();
    }

    /** The schema text an id stands for; cached, since ids never change meaning. */
    public String schemaById(int id) {
        String cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        String schema = transport.call("GET", "/schemas/ids/" + id, null).get("schema").asText();
        schemasById.put(id, schema);
        return schema;
    }

    /** The newest live version of a subject (not cached: it changes). */
    public RegisteredSchema latest(String subject) {
        return version(subject, "latest");
    }

    public RegisteredSchema version(String subject, int version) {
        return version(subject, Integer.toString(version));
    }

    private RegisteredSchema version(String subject, String version) {
        RegisteredSchema found = parse(transport.call("GET", "/subjects/" + encode(subject) + "/versions/" + version, null));
        keepSchema(found.id(), found.schema());
        return found;
    }

    /** The subject's live version numbers, oldest first; a 40401 {@link SchemaRegistryException} for an unknown subject. */
    public List<Integer> versions(String subject) {
        List<Integer> versions = new ArrayList<>();
        transport.call("GET", "/subjects/" + encode(subject) + "/versions", null).forEach(v -> versions.add(v.asInt()));
        return versions;
    }

    /** Checks a schema against the subject's earlier versions under its compatibility level, verbosely. */
    public CompatibilityResult testCompatibility(String subject, String schema) {
        JsonNode answer = transport.call("POST", "/compatibility/subjects/" + encode(subject) + "/versions?verbose=true",
                body(schema));
        List<String> messages = new ArrayList<>();
        answer.path("messages").forEach(m -> messages.add(m.asText()));
        return new CompatibilityResult(answer.path("is_compatible").asBoolean(), messages);
    }

    /** The subject's compatibility level, or the global one when the subject has none. */
    public String compatibility(String subject) {
        return transport.call("GET", "/config/" + encode(subject) + "?defaultToGlobal=true", null).get("compatibilityLevel").asText();
    }

    /** The subject's own compatibility level; empty when the subject has none (it follows the global one). */
    public Optional<String> subjectCompatibility(String subject) {
        try {
            return Optional.of(transport.call("GET", "/config/" + encode(subject), null).get("compatibilityLevel").asText());
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == SUBJECT_LEVEL_NOT_CONFIGURED || e.errorCode() == SUBJECT_NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public String globalCompatibility() {
        return transport.call("GET", "/config", null).get("compatibilityLevel").asText();
    }

    /** Sets a subject's compatibility level (the subject need not exist yet). */
    public String setCompatibility(String subject, String level) {
        ObjectNode body = RestTransport.mapper().createObjectNode().put("compatibility", level);
        return transport.call("PUT", "/config/" + encode(subject), body).get("compatibility").asText();
    }

    public String setGlobalCompatibility(String level) {
        ObjectNode body = RestTransport.mapper().createObjectNode().put("compatibility", level);
        return transport.call("PUT", "/config", body).get("compatibility").asText();
    }

    /** Every subject with a live version. */
    public List<String> subjects() {
        List<String> subjects = new ArrayList<>();
        transport.call("GET", "/subjects", null).forEach(s -> subjects.add(s.asText()));
        return subjects;
    }

    /** Keeps the first text seen for an id, as the registry may answer a differently formatted one later. */
    private void keepSchema(int id, String schema) {
        synchronized (schemasById) {
            if (schemasById.get(id) == null) {
                schemasById.put(id, schema);
            }
        }
    }

    private static ObjectNode body(String schema) {
        return RestTransport.mapper().createObjectNode().put("schema", schema);
    }

    private static RegisteredSchema parse(JsonNode node) {
        return new RegisteredSchema(node.path("subject").asText(), node.path("version").asInt(), node.path("id").asInt(),
                node.path("schemaType").asText("AVRO"), node.path("schema").asText());
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
