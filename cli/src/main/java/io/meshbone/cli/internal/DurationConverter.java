package io.meshbone.cli.internal;

import java.time.Duration;

import io.meshbone.platform.contract.Durations;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads every {@link Duration} flag of the CLI the way descriptors write durations ({@code 500ms}, {@code 2s},
 * {@code 5m}, {@code 1h}, {@code 7d}); picocli names the flag when a value is not one.
 */
public final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        return Durations.parse(value).orElseThrow(() ->
                new TypeConversionException("'" + value + "' is not a duration (expected " + Durations.EXPECTED + ")"));
    }
}
