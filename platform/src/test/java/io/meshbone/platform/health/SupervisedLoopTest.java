package io.meshbone.platform.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** A supervised loop reports a failure, even an {@link Error}, and runs its body again; only close stops it. */
class SupervisedLoopTest {

    private final HealthRegistry health = new HealthRegistry();

    @Test
    void reportsAFailureAndRunsTheBodyAgainAfterABackoff() {
        AtomicInteger attempts = new AtomicInteger();
        try (SupervisedLoop loop = SupervisedLoop.start("test-loop", health.part("reader"), supervisor -> {
            if (attempts.incrementAndGet() == 1) {
                throw new StackOverflowError("first attempt breaks");
            }
            // Like a consumer's poll: block until close wakes the body through its hook.
            CountDownLatch closed = new CountDownLatch(1);
            supervisor.onClose(closed::countDown);
            supervisor.health().running(0);
            closed.await();
        })) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(health.parts()).singleElement()
                    .extracting(PartHealth::state).isEqualTo(PartHealth.State.RUNNING));
            assertThat(attempts).hasValue(2);
            assertThat(loop.failures()).isEqualTo(1);
        }
    }

    @Test
    void reportsTheFailureWithItsReasonWhileWaitingToRetry() {
        try (SupervisedLoop loop = SupervisedLoop.start("test-loop", health.part("reader"), supervisor -> {
            throw new IllegalStateException("broker gone");
        })) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(health.parts()).singleElement()
                    .satisfies(part -> {
                        assertThat(part.state()).isEqualTo(PartHealth.State.FAILED);
                        assertThat(part.reason()).contains("IllegalStateException: broker gone");
                    }));
            assertThat(health.anyFailed()).isTrue();
        }
    }
}
