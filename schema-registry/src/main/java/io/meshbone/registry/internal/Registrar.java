package io.meshbone.registry.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.meshbone.platform.contract.Compatibility;
import org.apache.avro.Schema;

/** Registers, looks up and checks schemas under a subject, following Confluent's rules. */
public final class Registrar {

    private final KafkaStore store;
    private final RegistryState state;
    private final Map<SchemaContent, Schema> parsedCache = new ConcurrentHashMap<>();

    public Registrar(KafkaStore store, RegistryState state) {
        this.store = store;
        this.state = state;
    }

    /** The outcome of a registration: the schema's id and its version under the subject. */
    public record Registered(int id, int version, SchemaContent content) {
    }

    Registered register(String subject, RegisterRequest request, boolean normalize) {
        Subjects.validate(subject);
        String type = AvroSchemas.checkType(request.schemaType());
        return store.write(current -> decide(subject, request, type, normalize, current));
    }

    private StoreWrite<Registered> decide(String subject, RegisterRequest request, String type, boolean normalize,
                                          RegistryState current) {
        String mode = Modes.effective(current, subject);
        if (mode.startsWith("READONLY")) {
            throw Errors.operationNotPermitted("Subject " + subject + " is in read-only mode");
        }
        boolean importing = "IMPORT".equals(mode);
        Integer requestedId = request.id();
        if (requestedId != null && requestedId <= 0) {
            if (importing) {
                throw Errors.invalidSchemaId(requestedId.toString());
            }
            // Confluent's clients send a non-positive id to mean "none"; only an import names ids.
            requestedId = null;
        }
        if (!importing && (requestedId != null || request.version() != null)) {
            throw Errors.operationNotPermitted("Registering with an explicit id or version is only permitted in IMPORT mode"
                    + " (subject " + subject + " is in " + mode + " mode)");
        }
        AvroSchemas.Parsed parsed = AvroSchemas.parse(request.schema(), request.references(), current);
        // The query's normalize=true, or the subject's (else the global) config normalize, as Confluent's register.
        SchemaContent content = new SchemaContent(type, parsed.canonical(normalize || Modes.normalize(current, subject)),
                request.references(), request.metadata(), request.ruleSet());
        List<StoredSchema> versions = current.versions(subject);
        for (StoredSchema existing : versions) {
            if (!existing.deleted() && existing.content().equals(content)
                    && (requestedId == null || requestedId == existing.id())
                    && (request.version() == null || request.version() == existing.version())) {
                return StoreWrite.nothing(new Registered(existing.id(), existing.version(), existing.content()));
            }
        }
        Compatibility level = Modes.compatibility(current, subject);
        if (!importing && level != Compatibility.NONE) {
            List<String> problems = CompatibilityChecker.check(level, parsed.schema(), previous(versions, current));
            if (!problems.isEmpty()) {
                throw Errors.incompatibleSchema("Schema being registered is incompatible with an earlier schema for subject \""
                        + subject + "\", details: " + problems);
            }
        }
        int id = assignId(requestedId, content, current);
        int version = request.version() != null ? request.version()
                : versions.stream().mapToInt(StoredSchema::version).max().orElse(0) + 1;
        if (request.version() != null && versions.stream().anyMatch(s -> s.version() == version)) {
            throw Errors.operationNotPermitted("Version " + version + " of subject " + subject + " already exists");
        }
        StoredSchema stored = new StoredSchema(subject, version, id, content, false);
        return StoreWrite.of(new StoreWrite.StoreRecord(StoreCodec.schemaKey(subject, version), StoreCodec.schemaValue(stored)),
                new Registered(id, version, content));
    }

    private static int assignId(Integer requested, SchemaContent content, RegistryState current) {
        if (requested != null) {
            Optional<SchemaContent> taken = current.content(requested);
            if (taken.isPresent() && !taken.get().equals(content)) {
                throw Errors.idDoesNotMatch("Schema id " + requested + " is already used by a different schema");
            }
            return requested;
        }
        Optional<Integer> known = current.id(content);
        if (known.isPresent()) {
            return known.get();
        }
        if (current.maxId() == Integer.MAX_VALUE) {
            throw Errors.schemaIdsExhausted();
        }
        return current.maxId() + 1;
    }

    /** Finds the version of {@code subject} whose schema equals the given one (POST /subjects/{subject}). */
    StoredSchema lookup(String subject, RegisterRequest request, boolean normalize, boolean includeDeleted) {
        String type = AvroSchemas.checkType(request.schemaType());
        List<StoredSchema> versions = state.versions(subject).stream().filter(s -> includeDeleted || !s.deleted()).toList();
        if (versions.isEmpty()) {
            throw Errors.subjectNotFound(subject);
        }
        AvroSchemas.Parsed parsed = AvroSchemas.parse(request.schema(), request.references(), state);
        SchemaContent wanted = new SchemaContent(type, parsed.canonical(normalize || Modes.normalize(state, subject)),
                request.references(), request.metadata(), request.ruleSet());
        for (int i = versions.size() - 1; i >= 0; i--) {
            StoredSchema candidate = versions.get(i);
            boolean sameRules = (wanted.metadata() == null || Objects.equals(wanted.metadata(), candidate.content().metadata()))
                    && (wanted.ruleSet() == null || Objects.equals(wanted.ruleSet(), candidate.content().ruleSet()));
            if (candidate.content().sameSchema(wanted) && sameRules) {
                return candidate;
            }
        }
        throw Errors.schemaNotFound();
    }

    /** Checks a schema against one version ({@code version} given) or against what registration would check. */
    List<String> check(String subject, Integer version, RegisterRequest request, boolean normalize) {
        AvroSchemas.checkType(request.schemaType());
        AvroSchemas.Parsed parsed = AvroSchemas.parse(request.schema(), request.references(), state);
        Compatibility level = Modes.compatibility(state, subject);
        if (version != null) {
            // As Confluent's CompatibilityResource: "latest" of a subject without live versions has nothing to break
            // (compatible); a numbered version that is not there is 40402, whether or not the subject exists.
            List<StoredSchema> live = state.versions(subject).stream().filter(s -> !s.deleted()).toList();
            Optional<StoredSchema> old = version == Versions.LATEST
                    ? live.stream().reduce((first, second) -> second)
                    : live.stream().filter(s -> s.version() == version).findFirst();
            if (old.isEmpty() && version != Versions.LATEST) {
                throw Errors.versionNotFound(version);
            }
            return old.map(o -> CompatibilityChecker.checkPair(level, parsed.schema(),
                    new CompatibilityChecker.Previous(o.version(), parse(o)))).orElse(List.of());
        }
        return CompatibilityChecker.check(level, parsed.schema(), previous(state.versions(subject), state));
    }

    private List<CompatibilityChecker.Previous> previous(List<StoredSchema> versions, RegistryState current) {
        List<CompatibilityChecker.Previous> previous = new ArrayList<>();
        for (StoredSchema version : versions) {
            if (!version.deleted()) {
                previous.add(new CompatibilityChecker.Previous(version.version(), parse(version, current)));
            }
        }
        return previous;
    }

    private Schema parse(StoredSchema stored) {
        return parse(stored, state);
    }

    /** Stored schemas never change under their content, so each is parsed once and kept (one entry per distinct schema). */
    private Schema parse(StoredSchema stored, RegistryState current) {
        Schema cached = parsedCache.get(stored.content());
        if (cached == null) {
            cached = AvroSchemas.parse(stored.content().schema(), stored.content().references(), current).schema();
            parsedCache.put(stored.content(), cached);
        }
        return cached;
    }
}
