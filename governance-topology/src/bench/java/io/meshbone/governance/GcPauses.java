package io.meshbone.governance;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jdk.jfr.consumer.RecordingStream;

/**
 * The JVM's stop-the-world collection pauses as they happen, from JFR's {@code jdk.GCPhasePause} events (every pause:
 * G1's young and mixed collections and also its remark and cleanup, which the collector MXBeans of Java 17 leave out).
 * The benchmark's broker, gate, producer and consumer share one JVM, so every pause stops the whole path at once and
 * shows in the latencies; this tells how much of a tail it was.
 */
final class GcPauses implements AutoCloseable {

    /** JFR hands events over about once a second. */
    private static final Duration FLUSH = Duration.ofMillis(1500);

    /** One pause: when it started and how long it took. */
    record Pause(Instant start, Duration duration) {
    }

    /** The pauses that started in a window: how many, their sum and the longest. */
    record Summary(int count, long totalMillis, long maxMillis) {
        @Override
        public String toString() {
            return count == 0 ? "none" : String.format("%d, %,d ms in all, longest %,d ms", count, totalMillis, maxMillis);
        }
    }

    private final List<Pause> pauses = new CopyOnWriteArrayList<>();
    private final RecordingStream stream = new RecordingStream();

    GcPauses() {
        stream.enable("jdk.GCPhasePause");
        stream.onEvent("jdk.GCPhasePause", event -> pauses.add(new Pause(event.getStartTime(), event.getDuration())));
        stream.startAsync();
    }

    /** The pauses that started from {@code from} to {@code to}; waits for JFR to hand over the last ones first. */
    Summary between(Instant from, Instant to) throws InterruptedException {
        Thread.sleep(FLUSH.toMillis());
        List<Pause> in = pauses.stream().filter(p -> !p.start().isBefore(from) && !p.start().isAfter(to)).toList();
        return new Summary(in.size(), in.stream().mapToLong(p -> p.duration().toMillis()).sum(),
                in.stream().mapToLong(p -> p.duration().toMillis()).max().orElse(0));
    }

    /** The names of the collectors, for the table's title. */
    static String collectors() {
        return String.join(" + ", ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList());
    }

    @Override
    public void close() {
        stream.close();
    }
}
