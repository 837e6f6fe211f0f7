package io.meshbone.governance;

import java.util.Arrays;
import java.util.List;

/**
 * What a benchmark run measures, from system properties so the Maven profiles pass them through.
 *
 * @param records     records per run ({@code -Dbench.records})
 * @param rounds      alternating rounds per table ({@code -Dbench.rounds}), at least 1
 * @param sizes       record sizes: product names of the examples (their real encoded size), byte counts, or {@code all}
 *                    ({@code -Dbench.sizes}, comma-separated)
 * @param compression producer compression types to measure, each optionally with a level after a colon ({@code gzip:1};
 *                    {@link BenchCodec}), or {@code shipped} for the provisioned configs ({@code -Dbench.compression},
 *                    comma-separated)
 * @param lingerMs    the streams producer's {@code linger.ms} override, or null for the gate's default ({@code -Dbench.linger.ms})
 * @param batchBytes  the streams producer's {@code batch.size} override, or null for the gate's default ({@code -Dbench.batch.size})
 * @param warmupRounds untimed rounds of the three apps before the first table, so its rounds are not also the JIT's
 *                    warm-up ({@code -Dbench.warmup.rounds}, default 1)
 */
record BenchSettings(int records, int rounds, List<String> sizes, List<String> compression, Integer lingerMs, Integer batchBytes,
                     int warmupRounds) {

    /** The compression name that stands for the provisioned product topic configs and the gate's shipped producer. */
    static final String SHIPPED = "shipped";

    /** The example product whose record size the first (shipped defaults) table uses. */
    static final String DEFAULT_PRODUCT = "payments.payment-settled";

    static BenchSettings fromSystemProperties() {
        BenchSettings settings = new BenchSettings(
                Integer.getInteger("bench.records", 20_000),
                Math.max(1, Integer.getInteger("bench.rounds", 5)),
                list(System.getProperty("bench.sizes", DEFAULT_PRODUCT + ",1024")),
                list(System.getProperty("bench.compression", "gzip,lz4,zstd")),
                Integer.getInteger("bench.linger.ms"),
                Integer.getInteger("bench.batch.size"),
                Math.max(0, Integer.getInteger("bench.warmup.rounds", 1)));
        // Refused before the broker starts, not after the first tables.
        settings.compression().stream().filter(codec -> !codec.equals(SHIPPED)).forEach(BenchCodec::parse);
        return settings;
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(part -> !part.isEmpty()).toList();
    }
}
