package io.meshbone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ApplyProgressTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(0);
    private final StringWriter err = new StringWriter();
    private final ApplyProgress progress = new ApplyProgress(10, new PrintWriter(err), now::get);

    @Test
    void staysQuietOnAShortRun() {
        progress.decided(true);
        now.addAndGet(SECOND);
        progress.decided(false);
        progress.finish();

        assertThat(err.toString()).isEmpty();
    }

    @Test
    void showsCountsAndRateAboutOnceASecondAfterTheFirstSecondsAndAtTheEnd() {
        now.set(4 * SECOND);
        progress.decided(true);
        now.set(4 * SECOND + SECOND / 2);
        progress.decided(false);
        now.set(5 * SECOND);
        progress.decided(true);
        progress.finish();

        assertThat(err.toString().lines()).containsExactly(
                "applied 1/10 (accepted 1, rejected 0), 0.3 decisions/s",
                "applied 3/10 (accepted 2, rejected 1), 0.6 decisions/s");
    }

    @Test
    void endsWithTheCountsWhenTheLastDecisionsCameBetweenLines() {
        now.set(4 * SECOND);
        progress.decided(true);
        now.set(4 * SECOND + SECOND / 2);
        progress.decided(false);
        progress.finish();

        assertThat(err.toString().lines()).containsExactly(
                "applied 1/10 (accepted 1, rejected 0), 0.3 decisions/s",
                "applied 2/10 (accepted 1, rejected 1), 0.4 decisions/s");
    }
}
