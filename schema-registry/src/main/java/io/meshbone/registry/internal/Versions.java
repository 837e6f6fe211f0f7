package io.meshbone.registry.internal;

import java.util.List;
import java.util.Optional;

/** Version path segments: 1..2^31-1, {@code latest} or {@code -1}; anything else is 42202. */
final class Versions {

    static final int LATEST = -1;

    private Versions() {
    }

    static int parse(String text) {
        if ("latest".equals(text)) {
            return LATEST;
        }
        try {
            int version = Integer.parseInt(text);
            if (version == LATEST || version >= 1) {
                return version;
            }
        } catch (NumberFormatException e) {
            // falls through to the 42202 below
        }
        throw Errors.invalidVersion(text);
    }

    /** Finds a version of a subject, answering 40401/40402 as Confluent does. */
    static StoredSchema find(RegistryState state, String subject, int version, boolean includeDeleted) {
        List<StoredSchema> all = state.versions(subject);
        List<StoredSchema> visible = all.stream().filter(s -> includeDeleted || !s.deleted()).toList();
        if (visible.isEmpty()) {
            throw Errors.subjectNotFound(subject);
        }
        Optional<StoredSchema> found = version == LATEST
                ? Optional.of(visible.get(visible.size() - 1))
                : visible.stream().filter(s -> s.version() == version).findFirst();
        return found.orElseThrow(() -> Errors.versionNotFound(version));
    }
}
