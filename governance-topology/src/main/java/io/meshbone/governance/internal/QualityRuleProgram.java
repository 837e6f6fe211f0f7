package io.meshbone.governance.internal;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.ast.CelExpr;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelEvaluationListener;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.cel.runtime.CelVariableResolver;
import io.meshbone.platform.contract.OnFailure;
import io.meshbone.platform.contract.QualityRule;
import io.meshbone.platform.contract.QualityRules;

/**
 * A contract's quality rule compiled once into a CEL program, evaluated per record.
 *
 * <p>Apply refuses rules whose estimated cost is over the limit, but a record may hold far larger
 * lists than the estimate assumes; so each evaluation is also capped in comprehension iterations
 * ({@link QualityRules#MAX_ITERATIONS}) and time ({@link QualityRules#EVALUATION_DEADLINE}), and going
 * over either is an evaluation error for that record, never a stalled gate.
 */
public final class QualityRuleProgram {

    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder()
            .setOptions(QualityRules.options().toBuilder().comprehensionMaxIterations(QualityRules.MAX_ITERATIONS).build())
            .build();
    /** Compiled programs by rule text: products often share a rule, and a program is immutable and thread-safe. */
    private static final Map<String, Compiled> PROGRAMS = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Compiled> eldest) {
                    return size() > SHARED_PROGRAMS;
                }
            });
    private static final int SHARED_PROGRAMS = 4_096;
    // Reading the clock on every CEL node would cost more than most rules; every 256th is enough.
    private static final int CLOCK_EVERY = 256;

    private final QualityRule rule;
    private final CelRuntime.Program program;
    private final NumericComparison comparison;
    private final Duration deadline;

    private QualityRuleProgram(QualityRule rule, Compiled compiled, Duration deadline) {
        this.rule = rule;
        this.program = compiled.program();
        this.comparison = compiled.comparison();
        this.deadline = deadline;
    }

    /** The CEL program, and the same rule answered without CEL's interpreter where it has that shape (or null). */
    private record Compiled(CelRuntime.Program program, NumericComparison comparison) {
    }

    /** Compiles the rule with the same declarations the contract validator checked it with. */
    public static QualityRuleProgram compile(QualityRule rule) {
        return compile(rule, QualityRules.EVALUATION_DEADLINE);
    }

    static QualityRuleProgram compile(QualityRule rule, Duration deadline) {
        try {
            Compiled compiled = PROGRAMS.get(rule.rule());
            if (compiled == null) {
                CelAbstractSyntaxTree ast = QualityRules.compiler().compile(rule.rule()).getAst();
                compiled = new Compiled(RUNTIME.createProgram(ast), NumericComparison.of(ast).orElse(null));
                PROGRAMS.put(rule.rule(), compiled);
            }
            return new QualityRuleProgram(rule, compiled, deadline);
        } catch (CelValidationException | CelEvaluationException e) {
            throw new IllegalArgumentException("quality rule '" + rule.name() + "' does not compile: " + e.getMessage(), e);
        }
    }

    public QualityRule rule() {
        return rule;
    }

    /** The same rule answered without CEL's interpreter where it has that shape, or null. */
    NumericComparison comparison() {
        return comparison;
    }

    public boolean dlqOnFailure() {
        return rule.onFailure() == OnFailure.DLQ;
    }

    /** True when the rule holds for this record; throws when it cannot be evaluated on it, or only over budget. */
    public boolean holds(Object key, Object value) throws CelEvaluationException {
        Boolean answered = comparison == null ? null : comparison.evaluate(value);
        return answered != null ? answered : holdsInCel(key, value);
    }

    /** The rule evaluated by CEL's interpreter, whatever its shape. */
    boolean holdsInCel(Object key, Object value) throws CelEvaluationException {
        // A resolver, not a map: CEL copies a map of variables on every evaluation.
        // Compared with equals: CEL hands over a new name string per lookup, so a switch would hash it every time.
        CelVariableResolver variables = name -> "value".equals(name) ? Optional.of(value)
                : "key".equals(name) ? Optional.of(key) : Optional.empty();
        try {
            return Boolean.TRUE.equals(program.trace(variables, new Deadline(System.nanoTime() + deadline.toNanos())));
        } catch (DeadlinePassed e) {
            throw overDeadline(e);
        } catch (CelEvaluationException e) {
            if (causedByDeadline(e)) {
                throw overDeadline(e);
            }
            throw e;
        }
    }

    private static boolean causedByDeadline(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DeadlinePassed) {
                return true;
            }
        }
        return false;
    }

    private CelEvaluationException overDeadline(Throwable e) {
        return new CelEvaluationException("evaluation ran longer than the deadline of " + deadline.toMillis() + " ms", e);
    }

    /** Stops an evaluation once its deadline has passed, from inside CEL's interpreter. */
    private static final class Deadline implements CelEvaluationListener {

        private final long deadlineNanos;
        private int nodes;

        Deadline(long deadlineNanos) {
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        public void callback(CelExpr expr, Object result) {
            if (++nodes % CLOCK_EVERY == 0 && System.nanoTime() - deadlineNanos > 0) {
                throw new DeadlinePassed();
            }
        }
    }

    // An Error, not an exception: CEL defers errors inside all()/exists() and && to the end of the loop (its
    // commutative error semantics), so an exception would let the loop run on; the interpreter lets an Error through.
    private static final class DeadlinePassed extends Error {
        DeadlinePassed() {
            super("the rule's evaluation deadline passed", null, false, false);
        }
    }
}
