package io.meshbone.governance;

import java.util.List;

/**
 * The CPU each variant's runs used per record, over the rounds: where a difference in rate comes from (the app's
 * stream thread, its other threads, or the broker and the rest of the JVM).
 */
final class CpuRounds {

    private static final List<String> VARIANTS = List.of("Kafka Streams passthrough (EOS)",
            "Kafka Streams passthrough stamping the same headers (EOS)", "Meshbone record gate (EOS)");
    private static final List<String> PARTS = List.of("stream thread", "app's other threads", "rest of the JVM (broker, registry)", "total");

    // [variant][part] → the rounds' microseconds per record
    private final Rounds[][] micros;

    CpuRounds(int rounds) {
        micros = new Rounds[VARIANTS.size()][PARTS.size()];
        for (Rounds[] variant : micros) {
            for (int part = 0; part < variant.length; part++) {
                variant[part] = new Rounds(rounds);
            }
        }
    }

    /** One round's runs, in the order passthrough, stamping passthrough, gate. */
    void add(ThroughputRuns.Run[] runs) {
        for (int variant = 0; variant < runs.length; variant++) {
            double[] perRecord = runs[variant].microsPerRecord();
            for (int part = 0; part < perRecord.length; part++) {
                micros[variant][part].add(perRecord[part]);
            }
        }
    }

    String table() {
        StringBuilder out = new StringBuilder(String.format("%nCPU per record while each ran, µs (medians of the rounds):%n%n| run |"));
        PARTS.forEach(part -> out.append(' ').append(part).append(" |"));
        out.append("\n|---|").append("---:|".repeat(PARTS.size())).append('\n');
        for (int variant = 0; variant < VARIANTS.size(); variant++) {
            out.append("| ").append(VARIANTS.get(variant)).append(" |");
            for (Rounds part : micros[variant]) {
                out.append(String.format(" %.2f |", part.median()));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** One round's totals, for the progress line. */
    static String describe(ThroughputRuns.Run[] runs) {
        StringBuilder out = new StringBuilder();
        for (ThroughputRuns.Run run : runs) {
            double[] perRecord = run.microsPerRecord();
            out.append(String.format("%s%.1f+%.1f+%.1f", out.length() == 0 ? "" : " / ", perRecord[0], perRecord[1], perRecord[2]));
        }
        return out.toString();
    }
}
