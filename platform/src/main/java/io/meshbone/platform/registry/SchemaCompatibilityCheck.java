package io.meshbone.platform.registry;

import java.util.ArrayList;
import java.util.List;

import io.meshbone.platform.contract.Compatibility;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * The schema registry's compatibility check, with Avro's own {@link SchemaCompatibility}, and its verbose messages.
 *
 * <p>The registry answers {@code POST /compatibility/...?verbose=true} with these messages, so a check made offline
 * (such as {@code meshbone product check}) says word for word what the registry would.
 */
public final class SchemaCompatibilityCheck {

    private SchemaCompatibilityCheck() {
    }

    /** One earlier schema to check against, with its subject version for messages. */
    public record Previous(int version, Schema schema) {
    }

    /**
     * Checks {@code candidate} against the earlier schemas {@code level} looks at (the newest one, or all
     * when transitive; {@code previous} is oldest first) and returns one message per problem.
     */
    public static List<String> check(Compatibility level, Schema candidate, List<Previous> previous) {
        List<String> messages = new ArrayList<>();
        if (level == Compatibility.NONE || previous.isEmpty()) {
            return messages;
        }
        List<Previous> targets = level.transitive() ? previous : List.of(previous.get(previous.size() - 1));
        for (Previous old : targets) {
            messages.addAll(checkPair(level, candidate, old));
        }
        return messages;
    }

    /** Checks against exactly one earlier schema, whatever the transitivity. */
    public static List<String> checkPair(Compatibility level, Schema candidate, Previous old) {
        List<String> messages = new ArrayList<>();
        if (level == Compatibility.NONE) {
            return messages;
        }
        if (level.backward()) {
            describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, old.schema()), "new", "old", messages);
        }
        if (level.forward()) {
            describe(SchemaCompatibility.checkReaderWriterCompatibility(old.schema(), candidate), "old", "new", messages);
        }
        if (!messages.isEmpty()) {
            messages.add("{oldSchemaVersion: " + old.version() + "}");
            messages.add("{oldSchema: '" + old.schema() + "'}");
            messages.add("{compatibility: '" + level.name() + "'}");
        }
        return messages;
    }

    private static void describe(SchemaCompatibility.SchemaPairCompatibility result, String reader, String writer,
                                 List<String> messages) {
        for (Incompatibility problem : result.getResult().getIncompatibilities()) {
            messages.add("{errorType:'" + problem.getType() + "', description:'" + description(problem, reader, writer)
                    + "', additionalInfo:'" + problem.getMessage() + "'}");
        }
    }

    private static String description(Incompatibility problem, String reader, String writer) {
        String path = problem.getLocation();
        return switch (problem.getType()) {
            case READER_FIELD_MISSING_DEFAULT_VALUE -> "The field '" + problem.getMessage() + "' at path '" + path
                    + "' in the " + reader + " schema has no default value and is missing in the " + writer + " schema";
            case TYPE_MISMATCH -> "The type (path '" + path + "') of a field in the " + reader
                    + " schema does not match with the " + writer + " schema";
            case NAME_MISMATCH -> "The name of the schema at path '" + path + "' in the " + reader
                    + " schema does not match with the " + writer + " schema";
            case FIXED_SIZE_MISMATCH -> "The size of FIXED type field at path '" + path + "' in the " + reader
                    + " schema does not match with the " + writer + " schema";
            case MISSING_ENUM_SYMBOLS -> "The " + reader + " schema is missing enum symbols '" + problem.getMessage()
                    + "' at path '" + path + "' in the " + writer + " schema";
            case MISSING_UNION_BRANCH -> "The " + reader + " schema is missing a type inside a union field at path '"
                    + path + "' in the " + writer + " schema";
        };
    }
}
