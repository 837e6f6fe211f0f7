package io.meshbone.governance;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One measured run: the open-loop sender writes to a topic for the warm-up and the measured seconds, and
 * {@code read_committed} probes time the records due after the warm-up where they are consumed. When the records are
 * consumed from another topic than the one written (through the gate), a second probe on the written topic times the
 * same records there, in the same seconds: the no-gate part of their path, under the same load.
 */
final class LatencyRun {

    /** Percentiles (p50, p90, p99, max in ms) and counts of one probe. */
    record Latencies(double[] percentiles, int count, int expected) {
    }

    /**
     * What one run measured.
     *
     * @param consumed  where the records were consumed (the product topic through the gate)
     * @param written   the same records on the topic they were written to, or null when that is the consumed one
     * @param gc        the stop-the-world collection pauses from the first measured record's due time to the end of the run
     * @param firstPass how long it took until a record written after the start was consumed (the gate's start-up)
     */
    record Result(Latencies consumed, Latencies written, GcPauses.Summary gc, Duration firstPass) {
    }

    private static final Duration DRAIN = Duration.ofSeconds(30);
    private static final Duration FIRST_PASS_LIMIT = Duration.ofSeconds(120);
    private static final int FIRST_PASS_RATE = 100;

    private LatencyRun() {
    }

    static Result run(BenchMesh mesh, GcPauses gc, String written, String consumed, PaddedPayments payments, int size, int rate,
                      Duration warmUp, Duration measured) throws Exception {
        int expected = (int) (rate * measured.toSeconds());
        Map<String, Object> clients = mesh.clientConfig();
        try (LatencyProbe probe = new LatencyProbe(clients, consumed, expected);
             LatencyProbe writtenProbe = written.equals(consumed) ? null : new LatencyProbe(clients, written, expected)) {
            Duration firstPass = awaitFirstPass(clients, written, probe, payments, size);
            long measureFrom = System.nanoTime() + warmUp.toNanos();
            Instant gcFrom = Instant.now().plus(warmUp);
            probe.measureFrom(measureFrom);
            if (writtenProbe != null) {
                writtenProbe.measureFrom(measureFrom);
            }
            PacedSender.send(clients, written, payments, size, rate, warmUp.plus(measured));
            long deadline = System.nanoTime() + DRAIN.toNanos();
            while ((probe.count() < expected || writtenProbe != null && writtenProbe.count() < expected) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Instant gcTo = Instant.now();
            probe.close();
            Latencies stagingLatencies = null;
            if (writtenProbe != null) {
                writtenProbe.close();
                stagingLatencies = latencies(writtenProbe, expected);
            }
            return new Result(latencies(probe, expected), stagingLatencies, gc.between(gcFrom, gcTo), firstPass);
        }
    }

    /**
     * Sends a trickle until the probe has consumed a record. A freshly started gate can take seconds (on this machine
     * up to 20 s) before its first transaction commits; that start-up is reported, not mixed into the warm-up.
     */
    private static Duration awaitFirstPass(Map<String, Object> clients, String topic, LatencyProbe probe, PaddedPayments payments,
                                           int size) throws Exception {
        long start = System.nanoTime();
        while (probe.seen() == 0) {
            if (System.nanoTime() - start > FIRST_PASS_LIMIT.toNanos()) {
                throw new IllegalStateException("no record reached " + topic + "'s consumer within " + FIRST_PASS_LIMIT.toSeconds() + " s");
            }
            PacedSender.send(clients, topic, payments, size, FIRST_PASS_RATE, Duration.ofSeconds(1));
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static Latencies latencies(LatencyProbe probe, int expected) {
        return new Latencies(probe.percentilesMillis(), probe.count(), expected);
    }
}
