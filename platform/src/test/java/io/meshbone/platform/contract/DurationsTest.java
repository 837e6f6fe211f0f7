package io.meshbone.platform.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void parsesAndFormatsDurationsInTheLargestExactUnit() {
        assertThat(Durations.parse("7d")).contains(Duration.ofDays(7));
        assertThat(Durations.parse("250ms")).contains(Duration.ofMillis(250));
        assertThat(Durations.parse("0d")).isEmpty();
        assertThat(Durations.parse("7 d")).isEmpty();
        assertThat(Durations.parse("1w")).isEmpty();
        assertThat(Durations.format(Duration.ofHours(168))).isEqualTo("7d");
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Durations.format(Duration.ofMinutes(5))).isEqualTo("5m");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    }
}
