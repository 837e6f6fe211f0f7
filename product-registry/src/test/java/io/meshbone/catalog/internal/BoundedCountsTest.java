package io.meshbone.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** DLQ counts by code keep a bounded number of codes, whatever codes arrive. */
class BoundedCountsTest {

    @Test
    void countsCodesBeyondTheBoundUnderOther() {
        BoundedCounts counts = new BoundedCounts(4);
        for (int i = 0; i < 10_000; i++) {
            counts.increment("CODE_" + i);
        }
        assertThat(counts.snapshot()).hasSize(4)
                .containsEntry("CODE_0", 1L).containsEntry("CODE_1", 1L).containsEntry("CODE_2", 1L)
                .containsEntry(BoundedCounts.OTHER, 9_997L);
    }

    @Test
    void keepsCountingACodeItAlreadyHasAfterTheBoundIsReached() {
        BoundedCounts counts = new BoundedCounts(2);
        counts.increment("SCHEMA_UNKNOWN");
        counts.increment("NEW_1");
        assertThat(counts.increment("SCHEMA_UNKNOWN")).isEqualTo("SCHEMA_UNKNOWN");
        assertThat(counts.increment("NEW_2")).isEqualTo(BoundedCounts.OTHER);
        assertThat(counts.snapshot()).containsEntry("SCHEMA_UNKNOWN", 2L).containsEntry(BoundedCounts.OTHER, 2L);
    }

    @Test
    void theDefaultBoundIs64Codes() {
        BoundedCounts counts = new BoundedCounts();
        for (int i = 0; i < 1_000; i++) {
            counts.increment("C" + i);
        }
        assertThat(counts.snapshot()).hasSize(BoundedCounts.MAX_CODES).hasSize(64);
    }
}
