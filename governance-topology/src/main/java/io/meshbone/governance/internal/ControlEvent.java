package io.meshbone.governance.internal;

import java.io.IOException;
import java.util.function.Function;
import java.util.function.Supplier;

import io.meshbone.platform.control.MeshJson;

/**
 * One event of a control-plane request topic, read for a gate: the event, or the id and reason to reject it with when it
 * cannot be decided on (not JSON of its type, or without an id or a type).
 */
record ControlEvent<T>(T event, String rejectedId, String reason) {

    /** What a gate asks of its events: their type, how to read their id and type, and how to name them in a reason. */
    record Shape<T>(Class<T> type, Function<T, String> id, Function<T, ?> kind, String described, String kinds) {
    }

    boolean rejected() {
        return event == null;
    }

    /**
     * Reads {@code value}; {@code sourceOf} ({@code topic/partition/offset}) names it when it cannot name itself, and is
     * only asked then.
     */
    static <T> ControlEvent<T> read(byte[] value, Supplier<String> sourceOf, Shape<T> shape) {
        T event;
        try {
            event = MeshJson.read(value, shape.type());
        } catch (IOException | RuntimeException e) {
            String source = sourceOf.get();
            return new ControlEvent<>(null, "unreadable-" + source,
                    source + ": the event is not a" + (startsWithVowel(shape.type().getSimpleName()) ? "n " : " ")
                            + shape.type().getSimpleName() + " JSON document: " + e.getMessage());
        }
        boolean identified = event != null && shape.id().apply(event) != null && !shape.id().apply(event).isBlank();
        if (!identified || shape.kind().apply(event) == null) {
            String source = sourceOf.get();
            return new ControlEvent<>(null, identified ? shape.id().apply(event) : "unidentified-" + source,
                    source + ": id, type: " + shape.described() + " has an id and a type (" + shape.kinds() + ")");
        }
        return new ControlEvent<>(event, null, null);
    }

    private static boolean startsWithVowel(String word) {
        return "AEIOU".indexOf(word.charAt(0)) >= 0;
    }
}
