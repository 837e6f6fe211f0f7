package io.meshbone.platform.contract.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;

/** Compiles quality rules as CEL expressions over {@code key} and {@code value}, yielding a bool. */
public final class CelRules {

    /** Decimals reach rules as doubles, so {@code value.amount > 0} must compare a double with an int. */
    public static final CelOptions OPTIONS = CelOptions.current().enableHeterogeneousNumericComparisons(true).build();

    // Records reach the gate as decoded Avro: the value (and a record key) are maps of field name to any type.
    private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
            .setOptions(OPTIONS)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("value", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar("key", SimpleType.DYN)
            .setResultType(SimpleType.BOOL)
            .build();

    /**
     * Compilations by expression text. Every reader of {@code _mesh.products} parses every listing, and each parse checks
     * each rule several times; CEL builds its standard declarations anew for every check, which made start-up with
     * thousands of listings spend most of its time there. A result is immutable, so one serves every caller.
     */
    private static final Map<String, CelValidationResult> COMPILED = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, CelValidationResult> eldest) {
                    return size() > COMPILED_KEPT;
                }
            });
    private static final int COMPILED_KEPT = 4_096;
    private static final int CACHED_CHARS = 2_000;

    private CelRules() {
    }

    private static CelValidationResult compiled(String expression) {
        // Only rules of a sensible length are kept: a hostile descriptor's megabyte of rule text must not stay around.
        if (expression.length() > CACHED_CHARS) {
            return COMPILER.compile(expression);
        }
        CelValidationResult result = COMPILED.get(expression);
        if (result == null) {
            result = COMPILER.compile(expression);
            COMPILED.put(expression, result);
        }
        return result;
    }

    /** The shared compiler, for the record gate to build programs with the same declarations. */
    public static CelCompiler compiler() {
        return COMPILER;
    }

    /**
     * The fields a compiling rule reads directly off {@code variable}, in order: {@code value.amount > 0} reads
     * {@code amount} off {@code value}; {@code has(value.note)} reads {@code note}.
     */
    public static List<String> fieldsReadFrom(String expression, String variable) {
        CelValidationResult result = compiled(expression);
        if (result.hasError()) {
            return List.of();
        }
        try {
            return CelNavigableAst.fromAst(result.getAst()).getRoot().allNodes()
                    .filter(node -> node.getKind() == CelExpr.ExprKind.Kind.SELECT)
                    .map(node -> node.expr().select())
                    .filter(select -> select.operand().getKind() == CelExpr.ExprKind.Kind.IDENT
                            && select.operand().ident().name().equals(variable))
                    .map(CelExpr.CelSelect::field)
                    .distinct()
                    .toList();
        } catch (CelValidationException e) {
            throw new IllegalStateException("CEL reported no error but has no AST for " + expression, e);
        }
    }

    /**
     * Why a compiling {@code expression} is too costly to run on every record, or empty when its estimated
     * steps (see {@link RuleCost}) are within {@link RuleCost#MAX_ESTIMATED_STEPS}.
     */
    public static Optional<String> costProblem(String expression) {
        CelValidationResult result = compiled(expression);
        if (result.hasError()) {
            return Optional.empty();
        }
        long steps;
        try {
            steps = RuleCost.estimate(result.getAst().getExpr());
        } catch (CelValidationException e) {
            throw new IllegalStateException("CEL reported no error but has no AST for " + expression, e);
        }
        if (steps <= RuleCost.MAX_ESTIMATED_STEPS) {
            return Optional.empty();
        }
        return Optional.of("costs an estimated " + (steps == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : steps)
                + " steps per record, over the limit of " + RuleCost.MAX_ESTIMATED_STEPS
                + " (each list or map taken as " + RuleCost.ASSUMED_COLLECTION_SIZE
                + " elements; nested comprehensions multiply); expected a cheaper rule, e.g. fewer nested all/exists/map/filter");
    }

    /** CEL's error when {@code expression} does not compile to a bool, or empty when it does. */
    public static Optional<String> compileError(String expression) {
        CelValidationResult result = compiled(expression);
        if (!result.hasError()) {
            return Optional.empty();
        }
        // CEL prints each error as "ERROR: <input>:line:column: message" followed by a source excerpt.
        return Optional.of(result.getErrorString().lines()
                .filter(line -> line.startsWith("ERROR: "))
                .map(line -> line.substring("ERROR: ".length()).replace("<input>:", "at "))
                .collect(Collectors.joining("; ")));
    }
}
