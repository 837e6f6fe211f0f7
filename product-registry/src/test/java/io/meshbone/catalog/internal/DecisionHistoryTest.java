package io.meshbone.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.meshbone.platform.control.Decision;
import org.junit.jupiter.api.Test;

/** The catalog's decision history stays within its bounds per product and in total. */
class DecisionHistoryTest {

    @Test
    void keepsTheNewestDecisionsOfAProductUpToThePerProductBound() {
        DecisionHistory history = new DecisionHistory(3, 100);
        for (int i = 1; i <= 5; i++) {
            history.add(decision("a.b", "r" + i));
        }
        assertThat(history.of("a.b")).extracting(Decision::requestId).containsExactly("r3", "r4", "r5");
    }

    @Test
    void dropsTheOldestDecisionsOfAnyProductBeyondTheTotalBound() {
        DecisionHistory history = new DecisionHistory(10, 4);
        for (int i = 1; i <= 1_000; i++) {
            history.add(decision("flood.p" + i, "r" + i));
        }
        assertThat(history.size()).isEqualTo(4);
        assertThat(history.products()).containsExactlyInAnyOrder("flood.p997", "flood.p998", "flood.p999", "flood.p1000");
        assertThat(history.of("flood.p1")).isEmpty();
    }

    @Test
    void staysWithinTheTotalWhenOneProductFillsItsOwnBoundOverAndOver() {
        DecisionHistory history = new DecisionHistory(2, 3);
        for (int i = 1; i <= 100; i++) {
            history.add(decision("busy.p", "r" + i));
        }
        history.add(decision("quiet.p", "q"));
        assertThat(history.of("busy.p")).extracting(Decision::requestId).containsExactly("r99", "r100");
        assertThat(history.of("quiet.p")).hasSize(1);
        assertThat(history.size()).isLessThanOrEqualTo(3);
    }

    @Test
    void defaultBoundsAreTheDocumentedOnes() {
        assertThat(DecisionHistory.PER_PRODUCT).isEqualTo(50);
        assertThat(DecisionHistory.TOTAL).isEqualTo(5_000);
    }

    private static Decision decision(String product, String requestId) {
        return new Decision(requestId, product, Decision.Outcome.REJECTED, "1.0.0", false, List.of("x: wrong"), "User:t", Instant.now());
    }
}
