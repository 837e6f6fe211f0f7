package io.meshbone.cli;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import io.meshbone.cli.serve.StopSignal;

/**
 * Ends {@code up} when a stop signal arrives during start-up and the start cannot be cut short in time.
 *
 * <p>Start-up checks for a signal between its steps, but one step (the embedded broker's own start, several seconds
 * on a cold JVM) cannot be interrupted safely. A process supervisor expects a stop within seconds at any moment, so
 * the watchdog halts the JVM {@code deadline} after the signal if the mesh was not ready by then. Kafka recovers its
 * log on the next start, as after any crash; a temporary data directory is left behind in that case. Once the mesh is
 * ready, a signal stops it cleanly and the watchdog stays out of the way.
 */
final class StartupWatchdog {

    /** The exit code of a start-up cut short: 128 + SIGTERM, what the JVM itself would have answered. */
    static final int CUT_SHORT = 143;

    private StartupWatchdog() {
    }

    static void arm(StopSignal stop, AtomicBoolean ready, Duration deadline) {
        Thread watchdog = new Thread(() -> {
            try {
                stop.await();
                if (ready.get()) {
                    return;
                }
                Thread.sleep(deadline.toMillis());
                if (!ready.get()) {
                    System.err.println("meshbone up: stopped during start-up; not cleanly stopped within "
                            + deadline.toMillis() + " ms, ending the process");
                    System.err.flush();
                    Runtime.getRuntime().halt(CUT_SHORT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "up-startup-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
