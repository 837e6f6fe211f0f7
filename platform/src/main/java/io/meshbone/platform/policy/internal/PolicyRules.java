package io.meshbone.platform.policy.internal;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.meshbone.platform.contract.QualityRules;
import io.meshbone.platform.contract.internal.CelRules;
import io.meshbone.platform.contract.internal.RuleCost;

/** Compiles and runs policy rules: CEL over {@code product}, {@code fields}, {@code previous} and {@code cluster}. */
public final class PolicyRules {

    private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
            .setOptions(CelRules.OPTIONS)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("product", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar("fields", ListType.create(MapType.create(SimpleType.STRING, SimpleType.DYN)))
            .addVar("previous", SimpleType.DYN)
            .addVar("cluster", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .setResultType(SimpleType.BOOL)
            .build();
    // The same iteration cap as quality rules: the cost estimate assumes lists far shorter than a contract may hold.
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder()
            .setOptions(CelRules.OPTIONS.toBuilder().comprehensionMaxIterations(QualityRules.MAX_ITERATIONS).build())
            .build();

    private PolicyRules() {
    }

    /** CEL's error when {@code rule} does not compile to a bool over the policy variables, or empty when it does. */
    public static Optional<String> compileError(String rule) {
        CelValidationResult result = COMPILER.compile(rule);
        if (!result.hasError()) {
            return Optional.empty();
        }
        return Optional.of(result.getErrorString().lines()
                .filter(line -> line.startsWith("ERROR: "))
                .map(line -> line.substring("ERROR: ".length()).replace("<input>:", "at "))
                .collect(Collectors.joining("; ")));
    }

    /** Why a compiling {@code rule} is over the quality rules' cost limit ({@link RuleCost}), or empty when within it. */
    public static Optional<String> costProblem(String rule) {
        long steps = RuleCost.estimate(ast(rule).getExpr());
        if (steps <= RuleCost.MAX_ESTIMATED_STEPS) {
            return Optional.empty();
        }
        return Optional.of("costs an estimated " + (steps == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : steps)
                + " steps, over the limit of " + RuleCost.MAX_ESTIMATED_STEPS + " (each list or map taken as "
                + RuleCost.ASSUMED_COLLECTION_SIZE + " elements; nested comprehensions multiply); expected a cheaper rule,"
                + " e.g. fewer nested all/exists/map/filter");
    }

    /** Whether {@code rule} holds for these variables; throws when it cannot be evaluated on them. */
    public static boolean holds(String rule, Map<String, Object> variables) throws CelEvaluationException {
        CelRuntime.Program program = RUNTIME.createProgram(ast(rule));
        return Boolean.TRUE.equals(program.eval(variables));
    }

    private static CelAbstractSyntaxTree ast(String rule) {
        try {
            return COMPILER.compile(rule).getAst();
        } catch (CelValidationException e) {
            throw new IllegalArgumentException("policy rule does not compile: " + rule, e);
        }
    }
}
