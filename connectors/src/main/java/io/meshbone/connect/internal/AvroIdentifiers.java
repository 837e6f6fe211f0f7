package io.meshbone.connect.internal;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Turns Connect names (which may hold any character) into valid Avro names, keeping valid ones unchanged. */
final class AvroIdentifiers {

    private AvroIdentifiers() {
    }

    /** A dotted full name with each part made a valid Avro name. */
    static String fullName(String name) {
        return Arrays.stream(name.split("\\.", -1)).map(AvroIdentifiers::name).collect(Collectors.joining("."));
    }

    /** One Avro name: letters, digits and underscores, not starting with a digit. */
    static String name(String part) {
        StringBuilder out = new StringBuilder(part.length() + 1);
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            boolean valid = c == '_' || (c < 128 && Character.isLetterOrDigit(c));
            out.append(valid ? c : '_');
        }
        if (out.isEmpty() || Character.isDigit(out.charAt(0))) {
            out.insert(0, '_');
        }
        return out.toString();
    }
}
