package io.meshbone.platform.contract.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshbone.platform.contract.Problem;
import io.meshbone.platform.text.DidYouMean;

/** Reads typed fields out of a YAML tree, recording a problem for each one at fault and going on. */
public final class Fields {

    private final String file;
    private final List<Problem> problems = new ArrayList<>();

    public Fields(String file) {
        this.file = file;
    }

    public List<Problem> problems() {
        return problems;
    }

    public String file() {
        return file;
    }

    public void problem(String path, String message) {
        problems.add(new Problem(file, path, message));
    }

    /** {@code parent.key}; a blank key (YAML allows {@code "": x}) is quoted so the path still names something. */
    public static String path(String parent, String key) {
        String named = key.isBlank() ? "'" + key + "'" : key;
        return parent.isEmpty() ? named : parent + "." + named;
    }

    /** {@code node} as a mapping, or null (and a problem) when it is something else. */
    public ObjectNode object(JsonNode node, String path, String expected) {
        if (node instanceof ObjectNode object) {
            return object;
        }
        problem(path, "expected " + expected + ", got " + describe(node));
        return null;
    }

    /** Records a problem for every key of {@code node} that is not in {@code allowed}. */
    public void onlyKeys(ObjectNode node, String path, List<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                problem(path(path, key), "unknown field '" + key + "'"
                        + DidYouMean.suggest(key, allowed).map(s -> "; did you mean '" + s + "'?").orElse("")
                        + " (allowed here: " + String.join(", ", allowed) + ")");
            }
        }
    }

    /** The child {@code key}, or null (and a problem) when it is missing or null. */
    public JsonNode required(ObjectNode parent, String path, String key, String expected) {
        JsonNode child = parent.get(key);
        if (child == null || child.isNull()) {
            problem(path(path, key), "required field is missing (expected " + expected + ")");
            return null;
        }
        return child;
    }

    /** A non-blank string, or null (and a problem) when {@code node} is not one. */
    public String text(JsonNode node, String path, String expected) {
        if (node == null) {
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            problem(path, "expected " + expected + ", got " + describe(node));
            return null;
        }
        return node.asText();
    }

    /** A required non-blank string field. */
    public String requiredText(ObjectNode parent, String path, String key, String expected) {
        return text(required(parent, path, key, expected), path(path, key), expected);
    }

    /**
     * A list of non-blank strings: empty when absent, null (and a problem) when not a list; an entry that is
     * not a non-blank string is null in the result, with its own problem.
     */
    public List<String> textList(ObjectNode parent, String path, String key, String expected) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            return List.of();
        }
        String listPath = path(path, key);
        if (!node.isArray()) {
            problem(listPath, "expected a list of " + expected + ", got " + describe(node));
            return null;
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            values.add(text(node.get(i), listPath + "[" + i + "]", expected));
        }
        return values;
    }

    /** An enum constant spelt as {@code spelling} gives, {@code fallback} when absent, null when invalid. */
    public <E extends Enum<E>> E enumValue(ObjectNode parent, String path, String key, Class<E> type,
                                           Function<E, String> spelling, E fallback, String what) {
        JsonNode node = parent.get(key);
        String fieldPath = path(path, key);
        if (node == null || node.isNull()) {
            if (fallback == null) {
                required(parent, path, key, "one of " + allowed(type, spelling));
            }
            return fallback;
        }
        List<String> allowed = Arrays.stream(type.getEnumConstants()).map(spelling).toList();
        if (node.isTextual()) {
            for (E constant : type.getEnumConstants()) {
                if (spelling.apply(constant).equals(node.asText())) {
                    return constant;
                }
            }
        }
        String typed = node.isValueNode() ? node.asText() : describe(node);
        problem(fieldPath, "'" + typed + "' is not " + what + " (expected one of " + String.join(", ", allowed) + ")"
                + DidYouMean.suggest(typed, allowed).map(s -> "; did you mean '" + s + "'?").orElse(""));
        return null;
    }

    private static <E extends Enum<E>> String allowed(Class<E> type, Function<E, String> spelling) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(spelling).toList());
    }

    /** How a YAML value reads in an error message. */
    public static String describe(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isTextual()) {
            return node.asText().isBlank() ? "an empty string" : "'" + node.asText() + "'";
        }
        return node.asText();
    }

    /** The optional child {@code key}, absent when missing or null. */
    public static Optional<JsonNode> optional(ObjectNode parent, String key) {
        JsonNode child = parent.get(key);
        return child == null || child.isNull() ? Optional.empty() : Optional.of(child);
    }
}
