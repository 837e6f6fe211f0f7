package io.meshbone.platform.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class CloseablesTest {

    @Test
    void closesEveryPartAtTheSameTime() {
        AtomicInteger closed = new AtomicInteger();
        AutoCloseable part = waitingForTwoOthers(closed);

        Closeables.closeTogether("part", List.of(part, part, part));

        assertThat(closed).hasValue(3);
    }

    @Test
    void waitsForEveryPartWhenInterruptedAndKeepsTheInterrupt() {
        AtomicInteger closed = new AtomicInteger();
        AutoCloseable part = waitingForTwoOthers(closed);

        Thread.currentThread().interrupt();
        Closeables.closeTogether("part", List.of(part, part, part));

        assertThat(Thread.interrupted()).as("interrupt kept for the caller").isTrue();
        assertThat(closed).as("closed before returning").hasValue(3);
    }

    @Test
    void closesTheOthersWhenOneFails() {
        AtomicInteger closed = new AtomicInteger();
        AutoCloseable fine = closed::incrementAndGet;
        AutoCloseable broken = () -> {
            throw new IllegalStateException("broken");
        };

        Closeables.closeTogether("part", List.of(fine, broken, fine));

        assertThat(closed).hasValue(2);
    }

    /**
     * A part that counts itself closed only once three of its kind are closing at the same time: that can only happen
     * if none waits for another.
     */
    private static AutoCloseable waitingForTwoOthers(AtomicInteger closed) {
        CountDownLatch allClosing = new CountDownLatch(3);
        return () -> {
            allClosing.countDown();
            if (allClosing.await(30, TimeUnit.SECONDS)) {
                closed.incrementAndGet();
            }
        };
    }
}
