package io.meshbone.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import dev.cel.runtime.CelEvaluationException;
import io.meshbone.platform.contract.OnFailure;
import io.meshbone.platform.contract.QualityRule;
import io.meshbone.platform.contract.QualityRules;
import org.junit.jupiter.api.Test;

/** Rules within the static cost limit can still meet records with huge lists: the gate caps each evaluation. */
class QualityRuleProgramTest {

    // A deadline far off, so only the iteration cap can stop it, however loaded the machine.
    private static final QualityRuleProgram PAIRWISE = QualityRuleProgram.compile(
            new QualityRule("pairwise", "value.lines.all(a, value.lines.all(b, a + b >= 0))", OnFailure.DLQ),
            Duration.ofMinutes(5));

    @Test
    void passesTheStaticLimitYetStopsAtTheIterationCapAndRecovers() throws Exception {
        assertThat(QualityRules.costProblem(PAIRWISE.rule().rule())).isEmpty();
        Map<String, Object> huge = Map.of("lines", Collections.nCopies(400, 1L)); // 400 * 401 iterations > 100,000

        assertThatThrownBy(() -> PAIRWISE.holds(null, huge))
                .isInstanceOf(CelEvaluationException.class)
                .hasMessageContaining(String.valueOf(QualityRules.MAX_ITERATIONS));
        assertThat(PAIRWISE.holds(null, Map.of("lines", List.of(1L, 2L, 3L)))).isTrue();
    }

    @Test
    void stopsAnEvaluationThatRunsPastTheDeadline() throws Exception {
        QualityRuleProgram copying = QualityRuleProgram.compile(
                new QualityRule("copying", "value.lines.all(l, size(value.text + value.text) > 0)", OnFailure.DLQ));
        assertThat(QualityRules.costProblem(copying.rule().rule())).isEmpty();
        // 90,000 iterations stay under the cap, but each copies 2 MB: far longer than the deadline.
        Map<String, Object> slow = Map.of("lines", Collections.nCopies(90_000, 1L), "text", "x".repeat(1 << 20));

        Instant start = Instant.now();
        assertThatThrownBy(() -> copying.holds(null, slow))
                .isInstanceOf(CelEvaluationException.class)
                .hasMessageContaining("deadline of " + QualityRules.EVALUATION_DEADLINE.toMillis() + " ms");
        assertThat(Duration.between(start, Instant.now())).isLessThan(QualityRules.EVALUATION_DEADLINE.multipliedBy(5));
        assertThat(copying.holds(null, Map.of("lines", List.of(1L), "text", "x"))).isTrue();
    }
}
