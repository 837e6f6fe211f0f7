package io.meshbone.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ReconcileTimesTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final ReconcileTimes times = new ReconcileTimes(Duration.ofSeconds(30), now::get);

    @Test
    void aProductIsDueForResyncUntilReconciledAndAgainOnceTheIntervalPassed() {
        assertThat(times.resyncDue("pay.settled")).isTrue();

        times.reconciled("pay.settled");
        now.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(times.resyncDue("pay.settled")).isFalse();
        assertThat(times.resyncDue("pay.refunded")).as("another product").isTrue();

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(times.resyncDue("pay.settled")).isTrue();
    }

    @Test
    void aForgottenOrClearedProductIsDueAtOnce() {
        times.reconciled("pay.settled");
        times.reconciled("pay.refunded");

        times.forget("pay.settled");
        assertThat(times.resyncDue("pay.settled")).isTrue();
        assertThat(times.resyncDue("pay.refunded")).isFalse();

        times.clear();
        assertThat(times.resyncDue("pay.refunded")).isTrue();
    }
}
