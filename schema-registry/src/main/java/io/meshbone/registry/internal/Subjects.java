package io.meshbone.registry.internal;

/** Subject name rules: not empty, no control characters, at most 16,384 characters. */
final class Subjects {

    private Subjects() {
    }

    static void validate(String subject) {
        if (subject == null || subject.isEmpty() || subject.length() > 16_384
                || subject.chars().anyMatch(Character::isISOControl)) {
            throw Errors.invalidSubject(subject);
        }
    }
}
