package io.meshbone.governance.internal;

import java.util.Map;
import java.util.Optional;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;

/**
 * A rule of the shape {@code value.<field> <op> <number>} ({@code >}, {@code >=}, {@code <}, {@code <=}; an int or
 * double literal), answered without CEL's interpreter when the field holds an int or a double: the answer CEL's
 * standard overloads give, heterogeneous comparisons included (so {@code value.amount > 0} compares a decimal's
 * double with an int as CEL does, NaN and -0.0 alike; {@code NumericComparisonPropertyTest} checks it against CEL).
 *
 * <p>Half of the example products' rules have this shape, and CEL's interpreter was the largest part of the gate's
 * own work per record. Any other case (no such field, null, another type) is left to CEL, so its errors and their
 * texts stay CEL's.
 */
final class NumericComparison {

    private enum Op { GREATER, GREATER_EQUALS, LESS, LESS_EQUALS }

    private static final double LONG_MIN_AS_DOUBLE = (double) Long.MIN_VALUE;
    private static final double LONG_MAX_AS_DOUBLE = (double) Long.MAX_VALUE;

    private final String field;
    private final Op op;
    private final boolean doubleLiteral;
    private final long longLiteral;
    private final double doubleLiteralValue;

    private NumericComparison(String field, Op op, CelConstant literal) {
        this.field = field;
        this.op = op;
        this.doubleLiteral = literal.getKind() == CelConstant.Kind.DOUBLE_VALUE;
        this.longLiteral = doubleLiteral ? 0 : literal.int64Value();
        this.doubleLiteralValue = doubleLiteral ? literal.doubleValue() : 0;
    }

    /** The comparison {@code ast} is, or empty when it has another shape. */
    static Optional<NumericComparison> of(CelAbstractSyntaxTree ast) {
        CelExpr expr = ast.getExpr();
        if (expr.exprKind().getKind() != CelExpr.ExprKind.Kind.CALL) {
            return Optional.empty();
        }
        CelExpr.CelCall call = expr.call();
        Op op = switch (call.function()) {
            case "_>_" -> Op.GREATER;
            case "_>=_" -> Op.GREATER_EQUALS;
            case "_<_" -> Op.LESS;
            case "_<=_" -> Op.LESS_EQUALS;
            default -> null;
        };
        if (op == null || call.target().isPresent() || call.args().size() != 2) {
            return Optional.empty();
        }
        CelExpr left = call.args().get(0);
        CelExpr right = call.args().get(1);
        if (left.exprKind().getKind() != CelExpr.ExprKind.Kind.SELECT
                || right.exprKind().getKind() != CelExpr.ExprKind.Kind.CONSTANT) {
            return Optional.empty();
        }
        CelExpr.CelSelect select = left.select();
        CelConstant.Kind literal = right.constant().getKind();
        if (select.testOnly() || select.operand().exprKind().getKind() != CelExpr.ExprKind.Kind.IDENT
                || !select.operand().ident().name().equals("value")
                || (literal != CelConstant.Kind.INT64_VALUE && literal != CelConstant.Kind.DOUBLE_VALUE)) {
            return Optional.empty();
        }
        return Optional.of(new NumericComparison(select.field(), op, right.constant()));
    }

    /** CEL's answer for this record's value, or null when only CEL can give it (no such field, or not a number). */
    Boolean evaluate(Object value) {
        if (!(value instanceof Map<?, ?> record)) {
            return null;
        }
        return compare(record.get(field));
    }

    /** The field {@code value.<field>} this rule compares. */
    String field() {
        return field;
    }

    /** CEL's answer when the field holds {@code read} (as {@link AvroToCel} converts it), or null when only CEL can give it. */
    Boolean compare(Object read) {
        if (read instanceof Long number) {
            return compareLong(number);
        }
        if (read instanceof Double number) {
            return compareDouble(number);
        }
        return null;
    }

    /** CEL's answer when the field holds this int (an Avro int or long). */
    boolean compareLong(long number) {
        return holds(doubleLiteral ? -compareDoubleLong(doubleLiteralValue, number) : Long.compare(number, longLiteral));
    }

    /** CEL's answer when the field holds this double (an Avro float, double or decimal). */
    boolean compareDouble(double number) {
        if (doubleLiteral) {
            // CEL's double overloads are Java's operators: any comparison with NaN is false.
            return compareDoubles(number, doubleLiteralValue);
        }
        return holds(compareDoubleLong(number, longLiteral));
    }

    private boolean holds(int compared) {
        return switch (op) {
            case GREATER -> compared > 0;
            case GREATER_EQUALS -> compared >= 0;
            case LESS -> compared < 0;
            case LESS_EQUALS -> compared <= 0;
        };
    }

    private boolean compareDoubles(double x, double y) {
        return switch (op) {
            case GREATER -> x > y;
            case GREATER_EQUALS -> x >= y;
            case LESS -> x < y;
            case LESS_EQUALS -> x <= y;
        };
    }

    // CEL's heterogeneous double/int comparison: Double.compare once in range, so NaN is above every int and -0.0 below 0.
    private static int compareDoubleLong(double d, long l) {
        if (d < LONG_MIN_AS_DOUBLE) {
            return -1;
        }
        if (d > LONG_MAX_AS_DOUBLE) {
            return 1;
        }
        return Double.compare(d, (double) l);
    }
}
