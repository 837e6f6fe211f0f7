package io.meshbone.localkafka.testing;

import java.util.concurrent.atomic.AtomicInteger;

/** Topic names no other test in the JVM uses, so tests can share one broker. */
public final class TestTopics {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 100_000, 36);

    private TestTopics() {
    }

    /** {@code <prefix>-<run>-<n>}: unique within this JVM and distinct from earlier runs on a persistent broker. */
    public static String unique(String prefix) {
        return prefix + "-" + RUN + "-" + COUNTER.incrementAndGet();
    }
}
