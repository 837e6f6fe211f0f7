package io.meshbone.registry.internal;

import java.util.List;
import java.util.Locale;

import io.meshbone.platform.contract.Compatibility;
import io.meshbone.platform.registry.SchemaCompatibilityCheck;
import org.apache.avro.Schema;

/**
 * Checks a schema against earlier ones under a {@link Compatibility} level, with Avro's own compatibility rules
 * ({@link SchemaCompatibilityCheck}, shared with offline checks so both say the same words).
 *
 * <p>The level names and what they mean are platform's {@link Compatibility}; this class only applies them.
 */
public final class CompatibilityChecker {

    private CompatibilityChecker() {
    }

    /** Parses a level case-insensitively; anything else is 42203. */
    public static Compatibility parseLevel(String text) {
        if (text == null) {
            throw Errors.invalidCompatibilityLevel();
        }
        try {
            return Compatibility.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Errors.invalidCompatibilityLevel();
        }
    }

    /** One earlier schema to check against, with its version for messages. */
    public record Previous(int version, Schema schema) {
        SchemaCompatibilityCheck.Previous shared() {
            return new SchemaCompatibilityCheck.Previous(version, schema);
        }
    }

    /**
     * Checks {@code candidate} against the earlier schemas {@code level} looks at (the newest one, or all
     * when transitive; {@code previous} is oldest first) and returns one message per problem.
     */
    public static List<String> check(Compatibility level, Schema candidate, List<Previous> previous) {
        return SchemaCompatibilityCheck.check(level, candidate, previous.stream().map(Previous::shared).toList());
    }

    /** Checks against exactly one earlier schema, whatever the transitivity. */
    public static List<String> checkPair(Compatibility level, Schema candidate, Previous old) {
        return SchemaCompatibilityCheck.checkPair(level, candidate, old.shared());
    }
}
