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
        // Each part waits until all three are closing: that can only happen if none waits for another.
        CountDownLatch allClosing = new CountDownLatch(3);
        AtomicInteger closed = new AtomicInteger();
        AutoCloseable part = () -> {
            allClosing.countDown();
            if (allClosing.await(30, TimeUnit.SECONDS)) {
                closed.incrementAndGet();
            }
        };

        Closeables.closeTogether("part", List.of(part, part, part));

        assertThat(closed).hasValue(3);
    }

    @Test
    void waitsForEveryPartWhenInterruptedAndKeepsTheInterrupt() {
        CountDownLatch allClosing = new CountDownLatch(3);
        AtomicInteger closed = new AtomicInteger();
        AutoCloseable part = () -> {
            allClosing.countDown();
            if (allClosing.await(30, TimeUnit.SECONDS)) {
                closed.incrementAndGet();
            }
        };

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
}
