package io.meshbone.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * Progress of a long {@code product apply} on stderr ({@code applied 120/1000 (accepted 118, rejected 2), 14.2 decisions/s}):
 * silent for the first few seconds, then about once a second, and a last line when it was shown at all.
 */
final class ApplyProgress {

    private static final long QUIET_NANOS = 3_000_000_000L;
    private static final long EVERY_NANOS = 1_000_000_000L;

    private final int total;
    private final PrintWriter err;
    private final LongSupplier nanoTime;
    private final long started;
    private long lastShown;
    private int accepted;
    private int rejected;
    private boolean shown;
    private int shownDecided;

    ApplyProgress(int total, PrintWriter err) {
        this(total, err, System::nanoTime);
    }

    ApplyProgress(int total, PrintWriter err, LongSupplier nanoTime) {
        this.total = total;
        this.err = err;
        this.nanoTime = nanoTime;
        this.started = nanoTime.getAsLong();
    }

    void decided(boolean wasAccepted) {
        if (wasAccepted) {
            accepted++;
        } else {
            rejected++;
        }
        long now = nanoTime.getAsLong();
        if (now - started >= QUIET_NANOS && now - lastShown >= EVERY_NANOS) {
            show(now);
        }
    }

    void finish() {
        // The last line only when the counts moved since the one shown, so a run never ends on the same line twice.
        if (shown && accepted + rejected != shownDecided) {
            show(nanoTime.getAsLong());
        }
    }

    private void show(long now) {
        double seconds = (now - started) / 1e9;
        int decided = accepted + rejected;
        err.printf("applied %d/%d (accepted %d, rejected %d), %.1f decisions/s%n", decided, total, accepted, rejected,
                decided / seconds);
        err.flush();
        lastShown = now;
        shown = true;
        shownDecided = decided;
    }
}
