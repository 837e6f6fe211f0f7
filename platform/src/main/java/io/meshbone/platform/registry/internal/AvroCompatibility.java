package io.meshbone.platform.registry.internal;

import java.util.ArrayList;
import java.util.List;

import io.meshbone.platform.contract.Compatibility;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/** Checks a candidate schema against earlier ones under a compatibility level, with Avro's own rules. */
final class AvroCompatibility {

    private AvroCompatibility() {
    }

    /** One message per problem; empty when compatible. {@code previous} is oldest first. */
    static List<String> check(Compatibility level, Schema candidate, List<Schema> previous) {
        List<String> messages = new ArrayList<>();
        if (level == Compatibility.NONE || previous.isEmpty()) {
            return messages;
        }
        boolean transitive = level.name().endsWith("_TRANSITIVE");
        boolean backward = level.name().startsWith("BACKWARD") || level.name().startsWith("FULL");
        boolean forward = level.name().startsWith("FORWARD") || level.name().startsWith("FULL");
        List<Schema> targets = transitive ? previous : List.of(previous.get(previous.size() - 1));
        for (Schema old : targets) {
            if (backward) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, old), "new", "old", messages);
            }
            if (forward) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(old, candidate), "old", "new", messages);
            }
        }
        if (!messages.isEmpty()) {
            messages.add("{compatibility: '" + level.name() + "'}");
        }
        return messages;
    }

    private static void describe(SchemaCompatibility.SchemaPairCompatibility result, String reader, String writer,
                                 List<String> messages) {
        for (Incompatibility problem : result.getResult().getIncompatibilities()) {
            messages.add("{errorType:'" + problem.getType() + "', description:'the " + reader + " schema cannot read the "
                    + writer + " one at path " + problem.getLocation() + "', additionalInfo:'" + problem.getMessage() + "'}");
        }
    }
}
