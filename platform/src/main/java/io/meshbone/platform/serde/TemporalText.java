package io.meshbone.platform.serde;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.databind.node.TextNode;
import org.apache.avro.LogicalType;

/** ISO-8601 text to the number an Avro date/time logical type stores, in that type's own unit. */
final class TemporalText {

    private TemporalText() {
    }

    /** What a field of this logical type accepts, for error messages. */
    static String expected(LogicalType logical) {
        return switch (logical.getName()) {
            case "date" -> "epoch days or an ISO-8601 date (2026-01-31)";
            case "time-millis" -> "millis of the day or an ISO-8601 time (13:45:00.123)";
            case "time-micros" -> "micros of the day or an ISO-8601 time (13:45:00.123456)";
            case "timestamp-millis" -> "epoch millis or an ISO-8601 instant";
            case "timestamp-micros" -> "epoch micros or an ISO-8601 instant";
            case "timestamp-nanos" -> "epoch nanos or an ISO-8601 instant";
            case "local-timestamp-millis" -> "millis or an ISO-8601 local date-time (2026-01-31T13:45:00)";
            case "local-timestamp-micros" -> "micros or an ISO-8601 local date-time (2026-01-31T13:45:00)";
            case "local-timestamp-nanos" -> "nanos or an ISO-8601 local date-time (2026-01-31T13:45:00)";
            default -> "a number (" + logical.getName() + ")";
        };
    }

    static int toInt(String text, LogicalType logical, String path) {
        try {
            return switch (logical.getName()) {
                case "date" -> Math.toIntExact(LocalDate.parse(text).toEpochDay());
                case "time-millis" -> Math.toIntExact(LocalTime.parse(text).toNanoOfDay() / 1_000_000);
                default -> throw JsonToAvro.fail(path, expected(logical), TextNode.valueOf(text));
            };
        } catch (DateTimeParseException | ArithmeticException e) {
            throw JsonToAvro.fail(path, expected(logical), TextNode.valueOf(text));
        }
    }

    static long toLong(String text, LogicalType logical, String path) {
        try {
            return switch (logical.getName()) {
                case "time-micros" -> LocalTime.parse(text).toNanoOfDay() / 1_000;
                case "timestamp-millis" -> Instant.parse(text).toEpochMilli();
                case "timestamp-micros" -> since(Instant.parse(text), ChronoUnit.MICROS);
                case "timestamp-nanos" -> since(Instant.parse(text), ChronoUnit.NANOS);
                case "local-timestamp-millis" -> since(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC), ChronoUnit.MILLIS);
                case "local-timestamp-micros" -> since(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC), ChronoUnit.MICROS);
                case "local-timestamp-nanos" -> since(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC), ChronoUnit.NANOS);
                default -> throw JsonToAvro.fail(path, expected(logical), TextNode.valueOf(text));
            };
        } catch (DateTimeParseException | ArithmeticException e) {
            throw JsonToAvro.fail(path, expected(logical), TextNode.valueOf(text));
        }
    }

    // ChronoUnit.between counts whole units and works before 1970, where toEpochMilli-style division would round up.
    private static long since(Instant instant, ChronoUnit unit) {
        return unit.between(Instant.EPOCH, instant);
    }
}
