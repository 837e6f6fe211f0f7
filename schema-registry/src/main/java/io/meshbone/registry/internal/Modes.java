package io.meshbone.registry.internal;

import java.util.List;

import io.meshbone.platform.contract.Compatibility;

/** Effective mode and compatibility level of a subject: its own setting, else the global one, else the default. */
final class Modes {

    static final List<String> ALL = List.of("READWRITE", "READONLY", "READONLY_OVERRIDE", "IMPORT");
    static final String DEFAULT = "READWRITE";

    private Modes() {
    }

    static String effective(RegistryState state, String subject) {
        return state.mode(subject).or(() -> state.mode(RegistryState.GLOBAL)).orElse(DEFAULT);
    }

    static Compatibility compatibility(RegistryState state, String subject) {
        return state.compatibility(subject).or(() -> state.compatibility(RegistryState.GLOBAL))
                .map(CompatibilityChecker::parseLevel).orElse(Compatibility.DEFAULT);
    }

    /** Whether schemas of {@code subject} are normalized: its own config's {@code normalize}, else the global one's. */
    static boolean normalize(RegistryState state, String subject) {
        return state.config(subject).map(SubjectConfig::normalize)
                .or(() -> state.config(RegistryState.GLOBAL).map(SubjectConfig::normalize)).orElse(false);
    }

    static String parseMode(String text) {
        String mode = text == null ? "" : text.trim().toUpperCase(java.util.Locale.ROOT);
        if (!ALL.contains(mode)) {
            throw Errors.invalidMode(text);
        }
        return mode;
    }
}
