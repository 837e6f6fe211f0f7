package io.meshbone.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** A Streams app's failed threads are replaced a bounded number of times, then the app is given up and reported. */
class StreamThreadSupervisorTest {

    private final HealthRegistry health = new HealthRegistry();

    @Test
    void replacesFailedThreadsUpToTheBoundThenGivesUpAndReportsTheAppFailed() {
        StreamThreadSupervisor supervisor = new StreamThreadSupervisor(health.part("app"), 2, Duration.ofMinutes(10));
        supervisor.close(); // no backoff waits in a unit test

        assertThat(supervisor.replaceThread(new IllegalStateException("one"))).isTrue();
        assertThat(supervisor.replaceThread(new IllegalStateException("two"))).isTrue();
        assertThat(health.anyFailed()).isFalse();
        assertThat(supervisor.replaceThread(new IllegalStateException("three"))).isFalse();

        assertThat(supervisor.givenUp()).isTrue();
        assertThat(health.parts()).singleElement().satisfies(part -> {
            assertThat(part.state()).isEqualTo(PartHealth.State.FAILED);
            assertThat(part.reason()).contains("3 times").contains("IllegalStateException: three");
        });
    }

    @Test
    void aGivenUpAppStaysFailedWhateverStateItPassesThroughWhileStopping() {
        StreamThreadSupervisor supervisor = new StreamThreadSupervisor(health.part("app"), 0, Duration.ofMinutes(10));
        supervisor.replaceThread(new IllegalStateException("boom"));

        supervisor.stateChanged("PENDING_SHUTDOWN");
        supervisor.stateChanged("RUNNING");

        assertThat(health.anyFailed()).isTrue();
    }

    @Test
    void failuresOutsideTheWindowDoNotCountAgainstTheBound() {
        StreamThreadSupervisor supervisor = new StreamThreadSupervisor(health.part("app"), 1, Duration.ofNanos(1));
        supervisor.close();

        assertThat(supervisor.replaceThread(new IllegalStateException("one"))).isTrue();
        assertThat(supervisor.replaceThread(new IllegalStateException("two"))).isTrue();
    }

    @Test
    void mapsStreamsStatesToHealth() {
        StreamThreadSupervisor supervisor = new StreamThreadSupervisor(health.part("app"));

        supervisor.stateChanged("RUNNING");
        assertThat(health.parts().get(0).state()).isEqualTo(PartHealth.State.RUNNING);
        supervisor.stateChanged("REBALANCING");
        assertThat(health.parts().get(0).state()).isEqualTo(PartHealth.State.STARTING);
        supervisor.stateChanged("ERROR");
        assertThat(health.parts().get(0).state()).isEqualTo(PartHealth.State.FAILED);
    }
}
