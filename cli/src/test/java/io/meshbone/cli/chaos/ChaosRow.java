package io.meshbone.cli.chaos;

import java.time.Duration;
import java.util.Locale;

/**
 * One chaos test's figures, printed as a row of the README's table.
 *
 * @param test       what was done
 * @param records    records (or registrations, or catalog entries) the test moved
 * @param kills      processes killed or brokers stopped
 * @param lost       records missing where they belong
 * @param duplicated copies beyond the first
 * @param time       from the first record to the last check
 */
record ChaosRow(String test, long records, int kills, long lost, long duplicated, Duration time) {

    static final String HEADER = "| test | records | kills | lost | duplicated | time |\n|---|---:|---:|---:|---:|---:|";

    String markdown() {
        return String.format(Locale.ROOT, "| %s | %,d | %d | %d | %d | %.1f s |", test, records, kills, lost, duplicated,
                time.toMillis() / 1000.0);
    }
}
