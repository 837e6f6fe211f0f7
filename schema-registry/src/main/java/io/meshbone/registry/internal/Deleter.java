package io.meshbone.registry.internal;

import java.util.ArrayList;
import java.util.List;

/** Soft and permanent deletes of subjects and versions, with Confluent's two-step rule. */
public final class Deleter {

    private final KafkaStore store;

    public Deleter(KafkaStore store) {
        this.store = store;
    }

    List<Integer> deleteSubject(String subject, boolean permanent) {
        return store.write(current -> {
            checkWritable(current, subject);
            List<StoredSchema> all = current.versions(subject);
            List<StoredSchema> live = all.stream().filter(s -> !s.deleted()).toList();
            if (all.isEmpty()) {
                throw Errors.subjectNotFound(subject);
            }
            List<StoreWrite.StoreRecord> records = new ArrayList<>();
            if (permanent) {
                if (!live.isEmpty()) {
                    throw Errors.subjectNotSoftDeleted(subject);
                }
                all.forEach(s -> records.add(new StoreWrite.StoreRecord(StoreCodec.schemaKey(subject, s.version()), null)));
                if (current.config(subject).isPresent()) {
                    records.add(new StoreWrite.StoreRecord(StoreCodec.configKey(subject), null));
                }
                if (current.mode(subject).isPresent()) {
                    records.add(new StoreWrite.StoreRecord(StoreCodec.modeKey(subject), null));
                }
                return new StoreWrite<>(records, all.stream().map(StoredSchema::version).toList());
            }
            if (live.isEmpty()) {
                throw Errors.subjectSoftDeleted(subject);
            }
            for (StoredSchema version : live) {
                checkNotReferenced(current, version);
                records.add(new StoreWrite.StoreRecord(StoreCodec.schemaKey(subject, version.version()),
                        StoreCodec.schemaValue(version.withDeleted(true))));
            }
            return new StoreWrite<>(records, live.stream().map(StoredSchema::version).toList());
        });
    }

    int deleteVersion(String subject, int version, boolean permanent) {
        return store.write(current -> {
            checkWritable(current, subject);
            // A soft delete of "latest" means the newest live version; numbered versions are found even when soft-deleted.
            StoredSchema target = Versions.find(current, subject, version, permanent || version != Versions.LATEST);
            if (permanent) {
                if (!target.deleted()) {
                    throw Errors.versionNotSoftDeleted(subject, target.version());
                }
                return StoreWrite.of(new StoreWrite.StoreRecord(StoreCodec.schemaKey(subject, target.version()), null),
                        target.version());
            }
            if (target.deleted()) {
                throw Errors.versionSoftDeleted(subject, target.version());
            }
            checkNotReferenced(current, target);
            return StoreWrite.of(new StoreWrite.StoreRecord(StoreCodec.schemaKey(subject, target.version()),
                    StoreCodec.schemaValue(target.withDeleted(true))), target.version());
        });
    }

    /** Ids of live schemas whose references name this subject version. */
    static List<Integer> referencedBy(RegistryState state, String subject, int version) {
        return state.all().stream()
                .filter(s -> !s.deleted())
                .filter(s -> s.content().references().stream().anyMatch(r -> r.subject().equals(subject) && r.version() == version))
                .map(StoredSchema::id).distinct().toList();
    }

    private static void checkNotReferenced(RegistryState state, StoredSchema target) {
        List<Integer> users = referencedBy(state, target.subject(), target.version());
        if (!users.isEmpty()) {
            throw Errors.referenceExists("One or more references exist to the schema {subject=" + target.subject()
                    + ", version=" + target.version() + "}: schema ids " + users);
        }
    }

    private static void checkWritable(RegistryState state, String subject) {
        if (Modes.effective(state, subject).startsWith("READONLY")) {
            throw Errors.operationNotPermitted("Subject " + subject + " is in read-only mode");
        }
    }
}
