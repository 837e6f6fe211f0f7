package io.meshbone.governance;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The latency benchmark's Markdown tables: one per rate (and round), one row per run; with rounds, their medians. */
final class LatencyTable {

    /** A row: the path measured and the gate's commit interval ("—" for the baseline). */
    record Row(String path, String commitInterval) {
    }

    private LatencyTable() {
    }

    /** What every table of the run shares. */
    static String setup(int size, Duration measured, Duration warmUp, Map<String, String> overrides) {
        return String.format("%d bytes, %d s measured after %d s warm-up; staging producer and probes: Kafka's client defaults"
                        + " (producer linger.ms=5, acks=all; consumers read_committed, fetch.max.wait.ms=500); broker, gate and"
                        + " clients in one JVM (%s)%s", size, measured.toSeconds(), warmUp.toSeconds(), GcPauses.collectors(),
                overrides.isEmpty() ? "" : "; gate overrides " + overrides);
    }

    static String title(int rate, String round, String setup) {
        return String.format("%n#### %,d records/s%s%n%n%s%n%n"
                + "| path | commit.interval.ms | p50 ms | p90 ms | p99 ms | max ms | records measured"
                + " | same records on staging: p50 / p99 ms | GC pauses while measured | first record through |%n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---|---:|%n", rate, round, setup);
    }

    static String row(Row row, LatencyRun.Result result) {
        double[] p = result.consumed().percentiles();
        LatencyRun.Latencies staging = result.written();
        String onStaging = staging == null ? "—" : String.format("%.1f / %.1f%s", staging.percentiles()[0], staging.percentiles()[2],
                staging.count() < staging.expected() ? String.format(" (%,d)", staging.count()) : "");
        return String.format("| %s | %s | %.1f | %.1f | %.1f | %.1f | %s | %s | %s | %.1f s |%n", row.path(), row.commitInterval(), p[0],
                p[1], p[2], p[3], count(result.consumed()), onStaging, result.gc(), result.firstPass().toMillis() / 1000.0);
    }

    /** Per row, the median over the rounds of each percentile, with the rounds' range of p99. */
    static String summary(int rate, int rounds, String setup, Map<Row, List<LatencyRun.Result>> rows) {
        StringBuilder table = new StringBuilder(String.format("%n#### %,d records/s, medians of %d rounds%n%n%s%n%n"
                + "| path | commit.interval.ms | p50 ms | p90 ms | p99 ms (rounds' min–max) | max ms | records measured"
                + " | same records on staging: p99 ms | GC pauses while measured |%n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---|%n", rate, rounds, setup));
        rows.forEach((row, results) -> {
            double[] p99 = values(results, r -> r.consumed().percentiles()[2]);
            List<LatencyRun.Result> withStaging = results.stream().filter(r -> r.written() != null).toList();
            int measured = results.stream().mapToInt(r -> r.consumed().count()).sum();
            int expected = results.stream().mapToInt(r -> r.consumed().expected()).sum();
            table.append(String.format("| %s | %s | %.1f | %.1f | %.1f (%.1f–%.1f) | %.1f | %s | %s | %d, longest %,d ms |%n",
                    row.path(), row.commitInterval(), median(values(results, r -> r.consumed().percentiles()[0])),
                    median(values(results, r -> r.consumed().percentiles()[1])), median(p99), p99[0], p99[p99.length - 1],
                    median(values(results, r -> r.consumed().percentiles()[3])),
                    measured < expected ? String.format("%,d of %,d", measured, expected) : String.format("%,d", measured),
                    withStaging.isEmpty() ? "—" : String.format("%.1f", median(values(withStaging, r -> r.written().percentiles()[2]))),
                    results.stream().mapToInt(r -> r.gc().count()).sum(), results.stream().mapToLong(r -> r.gc().maxMillis()).max().orElse(0)));
        });
        return table.toString();
    }

    private static double[] values(List<LatencyRun.Result> results, ToDoubleFunction<LatencyRun.Result> value) {
        return results.stream().mapToDouble(value).sorted().toArray();
    }

    private static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static String count(LatencyRun.Latencies latencies) {
        return latencies.count() < latencies.expected()
                ? String.format("%,d of %,d", latencies.count(), latencies.expected())
                : String.format("%,d", latencies.count());
    }
}
