package io.meshbone.registry.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The registry's in-memory view of {@code _schemas}, rebuilt by reading the topic from the start.
 *
 * <p>Only the store's reader thread changes it; request threads read it. Every method holds the
 * object's monitor, which also lets writers wait until the reader has passed an offset.
 */
public final class RegistryState {

    /** Config and mode keys use this for the registry-wide (global) entry. */
    static final String GLOBAL = "";

    private final Map<String, TreeMap<Integer, StoredSchema>> subjects = new TreeMap<>();
    private final Map<Integer, SchemaContent> contentById = new HashMap<>();
    private final Map<SchemaContent, Integer> idByContent = new HashMap<>();
    private final Map<String, SubjectConfig> configs = new HashMap<>();
    private final Map<String, String> modes = new HashMap<>();
    private int maxId;
    private long position;
    private String writer;

    /**
     * A copy of everything but the reader's position, for deciding several writes of one transaction in turn: each
     * write's records are applied to the copy before the next write is decided.
     */
    synchronized RegistryState copy() {
        RegistryState copy = new RegistryState();
        subjects.forEach((subject, versions) -> copy.subjects.put(subject, new TreeMap<>(versions)));
        copy.contentById.putAll(contentById);
        copy.idByContent.putAll(idByContent);
        copy.configs.putAll(configs);
        copy.modes.putAll(modes);
        copy.maxId = maxId;
        copy.writer = writer;
        return copy;
    }

    /** The URL of the instance that wrote the latest record (its writer header), if any record named one. */
    public synchronized Optional<String> writer() {
        return Optional.ofNullable(writer);
    }

    synchronized void putWriter(String url) {
        writer = url;
    }

    synchronized void putSchema(StoredSchema schema) {
        subjects.computeIfAbsent(schema.subject(), s -> new TreeMap<>()).put(schema.version(), schema);
        contentById.putIfAbsent(schema.id(), schema.content());
        idByContent.putIfAbsent(schema.content(), schema.id());
        maxId = Math.max(maxId, schema.id());
    }

    synchronized void removeSchema(String subject, int version) {
        TreeMap<Integer, StoredSchema> versions = subjects.get(subject);
        if (versions == null) {
            return;
        }
        StoredSchema removed = versions.remove(version);
        if (versions.isEmpty()) {
            subjects.remove(subject);
        }
        if (removed != null && !idInUse(removed.id())) {
            contentById.remove(removed.id());
            idByContent.remove(removed.content());
        }
    }

    private boolean idInUse(int id) {
        return subjects.values().stream().flatMap(v -> v.values().stream()).anyMatch(s -> s.id() == id);
    }

    synchronized void putConfig(String subject, SubjectConfig config) {
        if (config == null) {
            configs.remove(subject);
        } else {
            configs.put(subject, config);
        }
    }

    synchronized void putMode(String subject, String mode) {
        if (mode == null) {
            modes.remove(subject);
        } else {
            modes.put(subject, mode);
        }
    }

    /** Every version of a subject, soft-deleted ones included, oldest first; empty if unknown. */
    public synchronized List<StoredSchema> versions(String subject) {
        TreeMap<Integer, StoredSchema> versions = subjects.get(subject);
        return versions == null ? List.of() : List.copyOf(versions.values());
    }

    public synchronized Optional<StoredSchema> version(String subject, int version) {
        NavigableMap<Integer, StoredSchema> versions = subjects.get(subject);
        return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
    }

    /** Subject names in order that have at least one version matching the filter. */
    public synchronized List<String> subjects(Predicate<StoredSchema> filter) {
        List<String> names = new ArrayList<>();
        subjects.forEach((name, versions) -> {
            if (versions.values().stream().anyMatch(filter)) {
                names.add(name);
            }
        });
        return names;
    }

    /** Every stored version in subject then version order. */
    public synchronized List<StoredSchema> all() {
        return subjects.values().stream().flatMap(v -> v.values().stream()).toList();
    }

    public synchronized Optional<SchemaContent> content(int id) {
        return Optional.ofNullable(contentById.get(id));
    }

    public synchronized Optional<Integer> id(SchemaContent content) {
        return Optional.ofNullable(idByContent.get(content));
    }

    public synchronized int maxId() {
        return maxId;
    }

    public synchronized Optional<String> compatibility(String subject) {
        return config(subject).map(SubjectConfig::compatibilityLevel);
    }

    synchronized Optional<SubjectConfig> config(String subject) {
        return Optional.ofNullable(configs.get(subject));
    }

    public synchronized Optional<String> mode(String subject) {
        return Optional.ofNullable(modes.get(subject));
    }

    /** The next offset of {@code _schemas} the reader will apply. */
    public synchronized long position() {
        return position;
    }

    synchronized void advanceTo(long next) {
        if (next > position) {
            position = next;
            notifyAll();
        }
    }

    /** Waits until the reader has applied every record before {@code offset}; false on timeout. */
    synchronized boolean awaitPosition(long offset, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (position < offset) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }
}
