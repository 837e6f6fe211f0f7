package io.meshbone.platform.contract;

import java.util.Objects;

/**
 * One thing wrong with a descriptor, printed as {@code <file>: <field path>: <message>}.
 *
 * @param file    the descriptor, as a path relative to where validation started
 * @param path    the field at fault, e.g. {@code spec.key.field}, or {@code (file)} for the whole document
 * @param message what is wrong and what was expected
 */
public record Problem(String file, String path, String message) {

    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return file + ": " + path + ": " + message;
    }
}
