package io.meshbone.platform.contract;

import java.time.Duration;
import java.util.Optional;

import dev.cel.common.CelOptions;
import dev.cel.compiler.CelCompiler;
import io.meshbone.platform.contract.internal.CelRules;
import io.meshbone.platform.contract.internal.RuleCost;

/**
 * The CEL environment of quality rules: {@code value} (the record value as a map) and {@code key}, yielding a bool.
 *
 * <p>The record gate builds its programs with this compiler, so a rule that validates here runs there.
 */
public final class QualityRules {

    /** The most estimated steps a rule may take per record; a costlier rule is refused by lint and apply. */
    public static final long MAX_ESTIMATED_STEPS = RuleCost.MAX_ESTIMATED_STEPS;

    /** How many elements a list or map read from a record counts for in that estimate. */
    public static final int ASSUMED_COLLECTION_SIZE = RuleCost.ASSUMED_COLLECTION_SIZE;

    /** The most comprehension iterations one rule may run on one record at the gate; beyond it the rule errs. */
    public static final int MAX_ITERATIONS = 100_000;

    /** The longest one rule may run on one record at the gate; beyond it the rule errs. */
    public static final Duration EVALUATION_DEADLINE = Duration.ofSeconds(1);

    private QualityRules() {
    }

    /** The compiler with the standard macros and the {@code key} and {@code value} declarations. */
    public static CelCompiler compiler() {
        return CelRules.compiler();
    }

    /** The options rules compile and run with: numbers compare across int, uint and double. */
    public static CelOptions options() {
        return CelRules.OPTIONS;
    }

    /** Why {@code expression} is too costly to run on every record, or empty when it is within the limit. */
    public static Optional<String> costProblem(String expression) {
        return CelRules.costProblem(expression);
    }

    /** CEL's error for {@code expression}, or empty when it compiles to a bool. */
    public static Optional<String> compileError(String expression) {
        return CelRules.compileError(expression);
    }
}
