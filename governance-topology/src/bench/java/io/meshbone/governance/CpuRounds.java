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
    private final Rounds gateToPassthrough;
    private final Rounds gateToStamping;

    CpuRounds(int rounds) {
        gateToPassthrough = new Rounds(rounds);
        gateToStamping = new Rounds(rounds);
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
        double gateTotal = runs[2].microsPerRecord()[3];
        gateToPassthrough.add(runs[0].microsPerRecord()[3] / gateTotal);
        gateToStamping.add(runs[1].microsPerRecord()[3] / gateTotal);
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
        // On a saturated machine the rate follows the CPU a record costs: these ratios are what the rates would be
        // without the rounds' swings, which hit the rates far more than the CPU.
        out.append(String.format("%nBy CPU per record (each round's other total ÷ the gate's, medians (min–max)): gate ÷ passthrough %.2f"
                + " (%.2f–%.2f), gate ÷ stamping passthrough %.2f (%.2f–%.2f)%n", gateToPassthrough.median(), gateToPassthrough.min(),
                gateToPassthrough.max(), gateToStamping.median(), gateToStamping.min(), gateToStamping.max()));
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
