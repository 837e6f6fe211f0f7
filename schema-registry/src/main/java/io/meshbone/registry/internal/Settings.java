package io.meshbone.registry.internal;

import java.util.Optional;

import io.meshbone.platform.contract.Compatibility;

/** Writes compatibility levels and modes, global ({@code ""}) or per subject. */
public final class Settings {

    private final KafkaStore store;

    public Settings(KafkaStore store) {
        this.store = store;
    }

    /** Sets the fields {@code update} names, keeping the others the subject (or global) config had; returns the result. */
    SubjectConfig setConfig(String subject, SubjectConfig update) {
        return store.write(current -> {
            SubjectConfig merged = current.config(subject).map(old -> old.merge(update)).orElse(update);
            return StoreWrite.of(new StoreWrite.StoreRecord(StoreCodec.configKey(subject), StoreCodec.configValue(merged)), merged);
        });
    }

    /** Removes a subject's (or the global) config and returns the one it had. */
    SubjectConfig deleteConfig(String subject) {
        return store.write(current -> {
            Optional<SubjectConfig> previous = current.config(subject);
            if (previous.isEmpty()) {
                if (!RegistryState.GLOBAL.equals(subject)) {
                    // Confluent answers 40401 here, whether or not the subject has schemas.
                    throw Errors.subjectNotFound(subject);
                }
                return StoreWrite.nothing(new SubjectConfig(Compatibility.DEFAULT.name(), null));
            }
            return StoreWrite.of(new StoreWrite.StoreRecord(StoreCodec.configKey(subject), null), previous.get());
        });
    }

    String setMode(String subject, String mode, boolean force) {
        String parsed = Modes.parseMode(mode);
        return store.write(current -> {
            if ("IMPORT".equals(parsed) && !force) {
                boolean hasSchemas = RegistryState.GLOBAL.equals(subject)
                        ? !current.all().isEmpty() : !current.versions(subject).isEmpty();
                if (hasSchemas && !"IMPORT".equals(Modes.effective(current, subject))) {
                    throw Errors.operationNotPermitted("Cannot import since found existing subjects");
                }
            }
            return StoreWrite.of(new StoreWrite.StoreRecord(StoreCodec.modeKey(subject), StoreCodec.modeValue(parsed)), parsed);
        });
    }

    String deleteMode(String subject) {
        return store.write(current -> {
            Optional<String> previous = current.mode(subject);
            if (previous.isEmpty()) {
                if (current.versions(subject).isEmpty()) {
                    throw Errors.subjectNotFound(subject);
                }
                throw Errors.subjectModeNotConfigured(subject);
            }
            return StoreWrite.of(new StoreWrite.StoreRecord(StoreCodec.modeKey(subject), null), previous.get());
        });
    }
}
