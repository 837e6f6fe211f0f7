package io.meshbone.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the threads whose name contains a given text were blocked in a JFR recording between two instants: the
 * summed duration of their park, wait, sleep and socket events, by the nearest Meshbone frames of each event's stack
 * (or Kafka frames when there is none). The scale benchmark's README table of a decision's time comes from it.
 *
 * <p>Run: {@code java cli/src/bench/java/io/meshbone/cli/BlockedTime.java FILE.jfr StreamThread 2026-12-01T20:05:38 2026-12-01T20:07:55}
 * (instants in UTC; the first and the last decision's log lines give them).
 */
public final class BlockedTime {

    private static final int MESHBONE_FRAMES = 3;

    private BlockedTime() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: BlockedTime FILE.jfr THREAD-NAME-PART [FROM-UTC [TO-UTC]]");
            return;
        }
        Instant from = args.length > 2 ? LocalDateTime.parse(args[2]).toInstant(ZoneOffset.UTC) : Instant.MIN;
        Instant to = args.length > 3 ? LocalDateTime.parse(args[3]).toInstant(ZoneOffset.UTC) : Instant.MAX;
        Map<String, Long> nanos = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        try (RecordingFile recording = new RecordingFile(Path.of(args[0]))) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                RecordedThread thread = event.getThread();
                String type = event.getEventType().getName();
                boolean blocking = type.endsWith("Park") || type.endsWith("Wait") || type.endsWith("Sleep")
                        || type.endsWith("Enter") || type.startsWith("jdk.Socket");
                if (!blocking || thread == null || thread.getJavaName() == null || !thread.getJavaName().contains(args[1])
                        || event.getStartTime().isBefore(from) || event.getStartTime().isAfter(to)) {
                    continue;
                }
                String where = type.replace("jdk.", "") + " " + where(event.getStackTrace());
                nanos.merge(where, event.getDuration().toNanos(), Long::sum);
                counts.merge(where, 1, Integer::sum);
            }
        }
        nanos.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(25)
                .forEach(e -> System.out.printf("%8.1f s %6d  %s%n", e.getValue() / 1e9, counts.get(e.getKey()), e.getKey()));
    }

    private static String where(RecordedStackTrace stack) {
        if (stack == null) {
            return "?";
        }
        List<String> meshbone = new ArrayList<>();
        List<String> kafka = new ArrayList<>();
        for (RecordedFrame frame : stack.getFrames()) {
            String method = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
            if (method.startsWith("io.meshbone.") && meshbone.size() < MESHBONE_FRAMES) {
                meshbone.add(method.substring("io.meshbone.".length()));
            } else if (method.startsWith("org.apache.kafka.") && kafka.size() < 2) {
                kafka.add(method.substring("org.apache.kafka.".length()));
            }
        }
        return String.join(" < ", meshbone.isEmpty() ? kafka : meshbone);
    }
}
