package io.meshbone.domains.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DemoHistoryTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:17:00Z");

    @Test
    void coversTheWholeHistoryOldestFirstAndEndsBeforeNow() {
        List<Instant> times = DemoGenerator.historyTimes(NOW, Duration.ofHours(3));

        assertThat(times).hasSize(540).isSorted();
        assertThat(times.get(0)).isEqualTo(NOW.minus(Duration.ofHours(3)));
        assertThat(times.get(times.size() - 1)).isBefore(NOW).isAfter(NOW.minus(DemoGenerator.HISTORY_SPACING.multipliedBy(2)));
        // 07:17 to 10:17: the 08:00 and 09:00 hours are whole, so their revenue closes as soon as live events arrive.
        assertThat(times).filteredOn(t -> t.toString().startsWith("2026-11-29T08:")).hasSize(180);
    }

    @Test
    void publishesTheHistorySlowEnoughThatTasksASecondApartStayWithinTheRevenueGrace() {
        List<Instant> times = DemoGenerator.historyTimes(NOW, Duration.ofHours(3));
        Duration revenueGrace = Duration.ofMinutes(10);

        // Two partitions' tasks a second apart see history events this far apart in event time.
        assertThat(DemoGenerator.historyOffset(NOW, NOW.plus(revenueGrace))).isGreaterThan(Duration.ofSeconds(1));
        assertThat(DemoGenerator.historyOffset(times.get(0), times.get(times.size() - 1)))
                .as("three hours of history, published well within the minute 'up' promises closed hours in")
                .isBetween(Duration.ofSeconds(20), Duration.ofSeconds(40));
    }

    @Test
    void hasNoHistoryWhenAskedForNone() {
        assertThat(DemoGenerator.historyTimes(NOW, Duration.ZERO)).isEmpty();
    }

    @Test
    void rejectsANegativeHistory() {
        assertThatThrownBy(() -> DemoGenerator.start(Map.of("bootstrap.servers", "127.0.0.1:9"), 1, Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("history").hasMessageContaining("PT-1H");
    }
}
