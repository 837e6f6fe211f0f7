package io.meshbone.governance.internal;

import java.util.Optional;

import dev.cel.common.CelValidationException;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.meshbone.platform.contract.OnFailure;
import io.meshbone.platform.contract.QualityRule;
import io.meshbone.platform.contract.QualityRules;

/** A contract's quality rule compiled once into a CEL program, evaluated per record. */
public final class QualityRuleProgram {

    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder()
            .setOptions(QualityRules.options())
            .build();

    private final QualityRule rule;
    private final CelRuntime.Program program;

    private QualityRuleProgram(QualityRule rule, CelRuntime.Program program) {
        this.rule = rule;
        this.program = program;
    }

    /** Compiles the rule with the same declarations the contract validator checked it with. */
    public static QualityRuleProgram compile(QualityRule rule) {
        try {
            return new QualityRuleProgram(rule, RUNTIME.createProgram(QualityRules.compiler().compile(rule.rule()).getAst()));
        } catch (CelValidationException | CelEvaluationException e) {
            throw new IllegalArgumentException("quality rule '" + rule.name() + "' does not compile: " + e.getMessage(), e);
        }
    }

    public QualityRule rule() {
        return rule;
    }

    public boolean dlqOnFailure() {
        return rule.onFailure() == OnFailure.DLQ;
    }

    /** True when the rule holds for this record; throws when it cannot be evaluated on it. */
    public boolean holds(Object key, Object value) throws CelEvaluationException {
        // A resolver, not a map: CEL copies a map of variables on every evaluation.
        return Boolean.TRUE.equals(program.eval(name -> switch (name) {
            case "key" -> Optional.of(key);
            case "value" -> Optional.of(value);
            default -> Optional.empty();
        }));
    }
}
