package io.meshbone.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A product's samples are stored when its counts change, and read back as one sample per measured second. */
class SampleHistoryTest {

    @Test
    void anIdleProductKeepsOneSampleYetAnswersEverySecond() {
        SampleHistory history = new SampleHistory();
        for (long at = 1; at <= 200; at++) {
            history.record(new HealthMonitor.Sample(at, 5, 4, 1, Map.of("NOT_FRAMED", 1L)), Math.max(1, at - 119));
        }
        List<HealthMonitor.Sample> series = history.at(List.of(198L, 199L, 200L));

        assertThat(series).extracting(HealthMonitor.Sample::at).containsExactly(198L, 199L, 200L);
        assertThat(series).allSatisfy(sample -> {
            assertThat(sample.in()).isEqualTo(5);
            assertThat(sample.dlqByCode()).containsEntry("NOT_FRAMED", 1L);
        });
        assertThat(history.size()).isEqualTo(1);
    }

    @Test
    void aBusyProductKeepsItsWindowAndTheSampleItStartsFrom() {
        SampleHistory history = new SampleHistory();
        for (long at = 1; at <= 10; at++) {
            history.record(new HealthMonitor.Sample(at, at * 10, at * 10, 0, Map.of()), Math.max(1, at - 2));
        }
        // The window is seconds 8 to 10; 8 is kept as what second 9's rate counts from.
        assertThat(history.size()).isEqualTo(3);
        assertThat(history.at(List.of(8L, 9L, 10L))).extracting(HealthMonitor.Sample::in).containsExactly(80L, 90L, 100L);
        // Before the first stored sample there is nothing to answer.
        assertThat(history.at(List.of(1L, 9L))).extracting(HealthMonitor.Sample::at).containsExactly(9L);
    }
}
