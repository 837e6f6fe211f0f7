package io.meshbone.platform.health;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.utils.ExponentialBackoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background loop that nothing stops but {@link #close}: when its body throws, the failure is reported to the
 * part's health and the body runs again after an exponential backoff, so no thread dies unseen.
 *
 * <p>The body loops while {@link #running()} and reports {@link PartReporter#running} once it works; a blocking
 * call in it is woken on close through the hooks given to {@link #onClose} (a consumer's {@code wakeup}).
 */
public final class SupervisedLoop implements AutoCloseable {

    /** The work of one attempt: it sets up what it needs and loops while the supervisor runs. */
    @FunctionalInterface
    public interface Body {
        void run(SupervisedLoop loop) throws Exception;
    }

    private static final Logger log = LoggerFactory.getLogger(SupervisedLoop.class);
    /** From half a second to half a minute between attempts, so a dead broker is not hammered. */
    static final ExponentialBackoff BACKOFF = new ExponentialBackoff(500, 2, 30_000, 0.2);
    /** An attempt that ran this long was healthy for a while: the next failure starts the backoff over. */
    private static final Duration HEALTHY_RUN = Duration.ofMinutes(1);

    private final PartReporter health;
    private final Body body;
    private final Thread thread;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final List<Runnable> wakeups = new CopyOnWriteArrayList<>();
    private volatile long failures;

    private SupervisedLoop(String threadName, PartReporter health, Body body) {
        this.health = health;
        this.body = body;
        this.thread = new Thread(this::supervise, threadName);
        this.thread.setDaemon(true);
    }

    /** Starts {@code body} on a daemon thread named {@code threadName}, reporting to {@code health}. */
    public static SupervisedLoop start(String threadName, PartReporter health, Body body) {
        SupervisedLoop loop = new SupervisedLoop(threadName, health, body);
        loop.thread.start();
        return loop;
    }

    /** True until {@link #close} is called. */
    public boolean running() {
        return closing.getCount() > 0;
    }

    public PartReporter health() {
        return health;
    }

    /** Failed attempts so far. */
    public long failures() {
        return failures;
    }

    /** Adds a way to wake the body from a blocking call when the loop closes. */
    public void onClose(Runnable wakeup) {
        wakeups.add(wakeup);
    }

    /** Removes a wake-up hook, once the thing it wakes is closed. */
    public void removeOnClose(Runnable wakeup) {
        wakeups.remove(wakeup);
    }

    private void supervise() {
        long attempts = 0;
        while (running()) {
            long startedAt = System.nanoTime();
            String reason;
            try {
                body.run(this);
                if (!running()) {
                    return;
                }
                reason = "stopped without an error";
            } catch (InterruptedException e) {
                stopOnInterrupt();
                return;
            } catch (Throwable e) {
                // Everything else, an Error included, is one failed attempt: the part is reported and tried again.
                if (!running()) {
                    return;
                }
                reason = e.getClass().getSimpleName() + ": " + e.getMessage();
                log.error("{} failed: {}", health.name(), reason, e);
            }
            failures++;
            if (System.nanoTime() - startedAt > HEALTHY_RUN.toNanos()) {
                attempts = 0;
            }
            long wait = BACKOFF.backoff(attempts++);
            health.failed(reason + " (retrying in " + wait + " ms)");
            try {
                if (closing.await(wait, TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                stopOnInterrupt();
                return;
            }
            health.starting("retrying after: " + reason);
        }
    }

    private void stopOnInterrupt() {
        if (running()) {
            health.failed("interrupted");
        }
        Thread.currentThread().interrupt();
    }

    /** Stops the loop: wakes the body and waits up to 30 s for it to return. */
    @Override
    public void close() {
        closing.countDown();
        wakeups.forEach(Runnable::run);
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
