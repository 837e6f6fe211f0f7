package io.meshbone.platform.registry.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.meshbone.platform.contract.Compatibility;
import io.meshbone.platform.registry.RegisteredSchema;
import io.meshbone.platform.registry.SchemaRegistryException;
import org.apache.avro.Schema;

/**
 * A schema registry held in memory, following the rules of ours and Confluent's for what clients use: one id per
 * distinct schema across subjects, re-registering a schema answers its existing id, registration checks the
 * subject's compatibility level, and errors carry Confluent's status and {@code error_code}.
 */
public final class InMemoryRegistry {

    private static final String AVRO = "AVRO";

    private final Map<Integer, String> schemasById = new HashMap<>();
    private final Map<String, Integer> idsBySchema = new HashMap<>();
    private final Map<String, List<RegisteredSchema>> versionsBySubject = new LinkedHashMap<>();
    private final Map<String, Compatibility> levelsBySubject = new HashMap<>();
    private Compatibility globalLevel = Compatibility.DEFAULT;

    /** Registers {@code schema} under {@code subject}, or finds it there, and answers its id. */
    public synchronized int register(String subject, String schema) {
        Schema parsed = parse(schema);
        String canonical = parsed.toString();
        List<RegisteredSchema> versions = versionsBySubject.getOrDefault(subject, List.of());
        for (RegisteredSchema existing : versions) {
            if (existing.schema().equals(canonical)) {
                return existing.id();
            }
        }
        List<String> problems = AvroCompatibility.check(level(subject), parsed, parsedVersions(versions));
        if (!problems.isEmpty()) {
            throw new SchemaRegistryException(409, 40901, "Schema being registered is incompatible with an earlier schema for subject \""
                    + subject + "\", details: " + problems);
        }
        int id = idsBySchema.computeIfAbsent(canonical, text -> schemasById.size() + 1);
        schemasById.putIfAbsent(id, canonical);
        int version = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
        versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>()).add(new RegisteredSchema(subject, version, id, AVRO, canonical));
        return id;
    }

    /** The version of {@code subject} that holds {@code schema}: 40401 without the subject, 40403 without the schema. */
    public synchronized RegisteredSchema lookup(String subject, String schema) {
        List<RegisteredSchema> versions = existingVersions(subject);
        String canonical = parse(schema).toString();
        for (int i = versions.size() - 1; i >= 0; i--) {
            if (versions.get(i).schema().equals(canonical)) {
                return versions.get(i);
            }
        }
        throw new SchemaRegistryException(404, 40403, "Schema not found");
    }

    public synchronized String schemaById(int id) {
        String schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaRegistryException(404, 40403, "Schema " + id + " not found");
        }
        return schema;
    }

    /** A version of {@code subject}, by number or {@code latest}. */
    public synchronized RegisteredSchema version(String subject, String version) {
        List<RegisteredSchema> versions = existingVersions(subject);
        if ("latest".equals(version) || "-1".equals(version)) {
            return versions.get(versions.size() - 1);
        }
        int number;
        try {
            number = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            number = 0;
        }
        if (number < 1) {
            throw new SchemaRegistryException(422, 42202, "The specified version '" + version + "' is not a valid version id. "
                    + "Allowed values are between [1, 2^31-1] and the string \"latest\"");
        }
        int wanted = number;
        return versions.stream().filter(v -> v.version() == wanted).findFirst()
                .orElseThrow(() -> new SchemaRegistryException(404, 40402, "Version " + wanted + " not found."));
    }

    public synchronized List<Integer> versions(String subject) {
        return existingVersions(subject).stream().map(RegisteredSchema::version).toList();
    }

    public synchronized List<String> subjects() {
        return List.copyOf(versionsBySubject.keySet());
    }

    /** What registering {@code schema} under {@code subject} would violate; empty when it is compatible. */
    public synchronized List<String> incompatibilities(String subject, String schema) {
        return AvroCompatibility.check(level(subject), parse(schema),
                parsedVersions(versionsBySubject.getOrDefault(subject, List.of())));
    }

    /** The subject's own level; with {@code defaultToGlobal} the global one when it has none, else 40408. */
    public synchronized Compatibility compatibility(String subject, boolean defaultToGlobal) {
        Compatibility level = levelsBySubject.get(subject);
        if (level == null && !defaultToGlobal) {
            throw new SchemaRegistryException(404, 40408, "Subject '" + subject + "' does not have subject-level compatibility configured");
        }
        return level != null ? level : globalLevel;
    }

    public synchronized Compatibility globalCompatibility() {
        return globalLevel;
    }

    /** Sets the level of {@code subject} ({@code null} for the global level); 42203 for an unknown level. */
    public synchronized Compatibility setCompatibility(String subject, String level) {
        Compatibility parsed = parseLevel(level);
        if (subject == null) {
            globalLevel = parsed;
        } else {
            levelsBySubject.put(subject, parsed);
        }
        return parsed;
    }

    private Compatibility level(String subject) {
        return Optional.ofNullable(levelsBySubject.get(subject)).orElse(globalLevel);
    }

    private List<RegisteredSchema> existingVersions(String subject) {
        List<RegisteredSchema> versions = versionsBySubject.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw new SchemaRegistryException(404, 40401, "Subject '" + subject + "' not found.");
        }
        return versions;
    }

    private static List<Schema> parsedVersions(List<RegisteredSchema> versions) {
        return versions.stream().map(v -> new Schema.Parser().parse(v.schema())).toList();
    }

    private static Schema parse(String schema) {
        if (schema == null || schema.isBlank()) {
            throw new SchemaRegistryException(422, 42201, "Invalid schema: the 'schema' field is empty");
        }
        try {
            Schema.Parser parser = new Schema.Parser();
            parser.setValidateDefaults(true);
            return parser.parse(schema);
        } catch (RuntimeException e) {
            throw new SchemaRegistryException(422, 42201, "Invalid schema " + schema + " of type AVRO, details: " + e.getMessage());
        }
    }

    private static Compatibility parseLevel(String level) {
        try {
            return Compatibility.valueOf(level == null ? "" : level.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SchemaRegistryException(422, 42203, "Invalid compatibility level. Valid values are none, backward, forward, "
                    + "full, backward_transitive, forward_transitive, and full_transitive");
        }
    }
}
