package io.meshbone.platform.contract.internal;

import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableExpr;

/**
 * A static upper bound on the steps one evaluation of a checked rule takes, from its AST.
 *
 * <p>CEL-Java 0.11.1 has no cost estimator, so each node counts one step and a comprehension
 * ({@code all}, {@code exists}, {@code map}, {@code filter}…) runs its body once per element: a
 * literal list or map has its own size, anything else is taken to hold {@link #ASSUMED_COLLECTION_SIZE}
 * elements. Nested comprehensions multiply, which is what makes a rule unaffordable per record.
 */
public final class RuleCost {

    /** How many elements a list or map read from a record is taken to hold. */
    public static final int ASSUMED_COLLECTION_SIZE = 100;

    /** The most estimated steps a rule may take per record. */
    public static final long MAX_ESTIMATED_STEPS = 1_000_000;

    private RuleCost() {
    }

    /** The estimated steps of {@code expr}, saturating at {@link Long#MAX_VALUE}. */
    public static long estimate(CelExpr expr) {
        if (expr.getKind() == CelExpr.ExprKind.Kind.COMPREHENSION) {
            CelExpr.CelComprehension loop = expr.comprehension();
            long perElement = add(1, add(estimate(loop.loopCondition()), estimate(loop.loopStep())));
            long setup = add(estimate(loop.iterRange()), add(estimate(loop.accuInit()), estimate(loop.result())));
            return add(setup, multiply(elements(loop.iterRange()), perElement));
        }
        return CelNavigableExpr.fromExpr(expr).children()
                .mapToLong(child -> estimate(child.expr()))
                .reduce(1, RuleCost::add);
    }

    private static long elements(CelExpr range) {
        return switch (range.getKind()) {
            case LIST -> range.list().elements().size();
            case MAP -> range.map().entries().size();
            default -> ASSUMED_COLLECTION_SIZE;
        };
    }

    private static long add(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static long multiply(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE;
        }
    }
}
