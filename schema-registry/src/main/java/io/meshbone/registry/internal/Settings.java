package io.meshbone.registry.internal;

import java.util.Optional;

import io.meshbone.platform.contract.Compatibility;

/** Writes compatibility levels and modes, global ({@code ""}) or per subject. */
public final class Settings {

    private final KafkaStore store;

    public Settings(KafkaStore store) {
        this.store = store;
    }

    String setCompatibility(String subject, String level) {
        String parsed = CompatibilityChecker.parseLevel(level).name();
        return store.write(current -> StoreWrite.of(
                new StoreWrite.StoreRecord(StoreCodec.configKey(subject), StoreCodec.configValue(parsed)), parsed));
    }

    /** Removes a subject's (or the global) level and returns the one it had. */
    String deleteCompatibility(String subject) {
        return store.write(current -> {
            Optional<String> previous = current.compatibility(subject);
            if (previous.isEmpty()) {
                if (!RegistryState.GLOBAL.equals(subject)) {
                    // Confluent answers 40401 here, whether or not the subject has schemas.
                    throw Errors.subjectNotFound(subject);
                }
                return StoreWrite.nothing(Compatibility.DEFAULT.name());
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
