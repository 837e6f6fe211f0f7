package io.meshbone.cli;

import java.io.PrintWriter;

/**
 * Progress of a long {@code product apply} on stderr ({@code applied 120/1000 (45/s)}): silent for
 * the first few seconds, then about once a second, and a last line when it was shown at all.
 */
final class ApplyProgress {

    private static final long QUIET_NANOS = 3_000_000_000L;
    private static final long EVERY_NANOS = 1_000_000_000L;

    private final int total;
    private final PrintWriter err;
    private final long started = System.nanoTime();
    private long lastShown;
    private int decided;
    private boolean shown;

    ApplyProgress(int total, PrintWriter err) {
        this.total = total;
        this.err = err;
    }

    void decided() {
        decided++;
        long now = System.nanoTime();
        if (now - started >= QUIET_NANOS && now - lastShown >= EVERY_NANOS) {
            show(now);
        }
    }

    void finish() {
        if (shown) {
            show(System.nanoTime());
        }
    }

    private void show(long now) {
        double seconds = (now - started) / 1e9;
        err.printf("applied %d/%d (%.0f/s)%n", decided, total, decided / seconds);
        err.flush();
        lastShown = now;
        shown = true;
    }
}
