package io.meshbone.platform.health;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.utils.ExponentialBackoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy behind a Kafka Streams app's uncaught exception handler: replace a failed stream thread after a
 * backoff, at most {@link #MAX_REPLACEMENTS} times within {@link #WINDOW}; beyond that, give up, so the app
 * stops and reports itself failed instead of looping hot and flooding the log.
 *
 * <p>It also maps the app's state to the part's health. It knows no Kafka Streams type, so every module with
 * Streams apps wires it in two lines:
 *
 * <pre>{@code
 * streams.setUncaughtExceptionHandler(e -> supervisor.replaceThread(e) ? REPLACE_THREAD : SHUTDOWN_CLIENT);
 * streams.setStateListener((now, before) -> supervisor.stateChanged(now.name()));
 * }</pre>
 */
public final class StreamThreadSupervisor {

    /** Replacements allowed within {@link #WINDOW} before the app is given up. */
    public static final int MAX_REPLACEMENTS = 5;
    public static final Duration WINDOW = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(StreamThreadSupervisor.class);
    private static final ExponentialBackoff BACKOFF = new ExponentialBackoff(1_000, 2, 30_000, 0.2);

    private final PartReporter health;
    private final int maxReplacements;
    private final Duration window;
    private final Deque<Long> replacements = new ArrayDeque<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile boolean givenUp;

    public StreamThreadSupervisor(PartReporter health) {
        this(health, MAX_REPLACEMENTS, WINDOW);
    }

    StreamThreadSupervisor(PartReporter health, int maxReplacements, Duration window) {
        this.health = health;
        this.maxReplacements = maxReplacements;
        this.window = window;
    }

    /**
     * Called on the failed stream thread: waits out the backoff and answers true (replace the thread), or answers
     * false at once when the bound is spent (shut the app down) and reports the part failed.
     */
    public boolean replaceThread(Throwable failure) {
        String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        long attempt;
        synchronized (replacements) {
            long now = System.nanoTime();
            while (!replacements.isEmpty() && now - replacements.peekFirst() > window.toNanos()) {
                replacements.removeFirst();
            }
            if (givenUp || replacements.size() >= maxReplacements) {
                givenUp = true;
                health.failed("stream thread failed " + (replacements.size() + 1) + " times within " + window
                        + "; the app is stopped. Last failure: " + reason);
                log.error("{}: stream thread failed {} times within {}; shutting the app down", health.name(),
                        replacements.size() + 1, window, failure);
                return false;
            }
            replacements.addLast(now);
            attempt = replacements.size() - 1;
        }
        long wait = BACKOFF.backoff(attempt);
        log.error("{}: stream thread failed; replacing it in {} ms: {}", health.name(), wait, reason, failure);
        health.starting("replacing a failed stream thread: " + reason);
        try {
            closing.await(wait, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    /** Reports the app's new Kafka Streams state ({@code KafkaStreams.State} by name) as the part's health. */
    public void stateChanged(String state) {
        if (givenUp) {
            return;
        }
        switch (state) {
            case "RUNNING" -> health.running();
            case "CREATED", "REBALANCING" -> health.starting(null);
            case "ERROR", "PENDING_ERROR" -> health.failed("the Kafka Streams app is in state " + state);
            default -> {
                // PENDING_SHUTDOWN, NOT_RUNNING: closed on purpose; the last report stands.
            }
        }
    }

    /** True once the bound is spent and the app was told to shut down. */
    public boolean givenUp() {
        return givenUp;
    }

    /** Ends any backoff wait at once, so closing the app is not held up by a thread waiting to be replaced. */
    public void close() {
        closing.countDown();
    }
}
