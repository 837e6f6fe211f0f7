package io.meshbone.platform.lifecycle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Closes parts that do not depend on each other side by side, so a stop takes as long as the slowest part. */
public final class Closeables {

    private static final Logger log = LoggerFactory.getLogger(Closeables.class);

    private Closeables() {
    }

    /**
     * Closes every part on a thread of its own and waits for all of them, even when interrupted (the interrupt is kept
     * for the caller); a part that fails is logged and the others still close. A parallel stream would not do: on a two-core machine it closes only two at a time, and closing a
     * Kafka Streams app is mostly waiting for the broker.
     */
    public static void closeTogether(String what, Collection<? extends AutoCloseable> parts) {
        List<Thread> closing = new ArrayList<>();
        for (AutoCloseable part : parts) {
            Thread thread = new Thread(() -> close(what, part), what + "-close");
            thread.start();
            closing.add(thread);
        }
        // Returning early would let the caller remove what these parts still use (state directories, the broker).
        boolean interrupted = false;
        for (Thread thread : closing) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void close(String what, AutoCloseable part) {
        long start = System.nanoTime();
        try {
            part.close();
            log.debug("{} {} closed in {} ms", what, part.getClass().getSimpleName(), (System.nanoTime() - start) / 1_000_000);
        } catch (Exception e) {
            log.warn("a {} did not close cleanly: {}", what, e.toString());
        }
    }
}
