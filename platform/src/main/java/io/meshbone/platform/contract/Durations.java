package io.meshbone.platform.contract;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as descriptors write them: a positive whole number and a unit, e.g. {@code 250ms}, {@code 7d}.
 * The one duration syntax of the mesh: descriptors ({@code spec.retention}, {@code spec.slo.freshness}) and
 * the {@code meshbone} CLI's duration flags ({@code --timeout 500ms}) both read it.
 */
public final class Durations {

    /** What a duration looks like, for error messages. */
    public static final String EXPECTED = "a positive whole number followed by ms, s, m, h or d, e.g. 7d";

    private static final Pattern DURATION = Pattern.compile("([1-9][0-9]{0,9})(ms|s|m|h|d)");

    private Durations() {
    }

    /** Parses {@code text}, or returns empty when it is not a duration. */
    public static Optional<Duration> parse(String text) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        });
    }

    /** Writes {@code duration} in the largest unit that divides it: 168 hours is {@code 7d}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % Duration.ofDays(1).toMillis() == 0) {
            return duration.toDays() + "d";
        }
        if (millis % Duration.ofHours(1).toMillis() == 0) {
            return duration.toHours() + "h";
        }
        if (millis % Duration.ofMinutes(1).toMillis() == 0) {
            return duration.toMinutes() + "m";
        }
        if (millis % 1000 == 0) {
            return duration.toSeconds() + "s";
        }
        return millis + "ms";
    }
}
