package io.meshbone.localkafka.testing;

import java.util.concurrent.ThreadLocalRandom;
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

    /**
     * {@code length} random letters a-z, for names that must be letters only (domains, principals). A UUID's letters
     * are not enough: a random UUID can hold fewer than six of them.
     */
    public static String letters(int length) {
        StringBuilder letters = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return letters.toString();
    }
}
