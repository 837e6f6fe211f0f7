package io.meshbone.platform.contract;

import java.util.Optional;

import dev.cel.common.CelOptions;
import dev.cel.compiler.CelCompiler;
import io.meshbone.platform.contract.internal.CelRules;

/**
 * The CEL environment of quality rules: {@code value} (the record value as a map) and {@code key}, yielding a bool.
 *
 * <p>The record gate builds its programs with this compiler, so a rule that validates here runs there.
 */
public final class QualityRules {

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

    /** CEL's error for {@code expression}, or empty when it compiles to a bool. */
    public static Optional<String> compileError(String expression) {
        return CelRules.compileError(expression);
    }
}
