package io.meshbone.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.NullValue;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.runtime.CelEvaluationException;
import io.meshbone.platform.contract.OnFailure;
import io.meshbone.platform.contract.QualityRule;
import io.meshbone.platform.contract.QualityRules;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The gate answers {@code value.f <op> <number>} itself: the same answer as CEL's interpreter, edge values included. */
class NumericComparisonPropertyTest {

    private static final Object MISSING = new Object();

    @Property(tries = 3000)
    void answersWhatCelAnswers(@ForAll("rules") String rule, @ForAll("fieldValues") Object fieldValue) throws Exception {
        Map<String, Object> value = new HashMap<>();
        value.put("other", 1L);
        if (fieldValue != MISSING) {
            value.put("amount", fieldValue);
        }
        NumericComparison comparison = NumericComparison.of(ast(rule)).orElseThrow();
        QualityRuleProgram program = QualityRuleProgram.compile(new QualityRule("r", rule, OnFailure.DLQ));

        Boolean answered = comparison.evaluate(value);
        String cel = celOutcome(program, value);
        if (fieldValue instanceof Long || fieldValue instanceof Double) {
            assertThat(answered).as("%s with amount %s", rule, fieldValue).isNotNull();
            assertThat(String.valueOf(answered)).as("%s with amount %s", rule, fieldValue).isEqualTo(cel);
        } else {
            // Left to CEL: the gate's answer, error text included, is CEL's own.
            assertThat(answered).isNull();
        }
        assertThat(celOutcome(program, value, true)).isEqualTo(cel);
    }

    @Example
    void onlyTheComparisonOfOneFieldOfValueWithANumberIsAnsweredWithoutCel() throws Exception {
        for (String rule : List.of("value.amount > 0", "value.amount >= 1.5", "value.amount < -3", "value.amount <= 0.0")) {
            assertThat(NumericComparison.of(ast(rule))).as(rule).isPresent();
        }
        for (String rule : List.of("0 < value.amount", "value.amount > 0u", "value.amount == 0", "value.a.b > 0",
                "key.amount > 0", "has(value.amount)", "value.amount > value.other", "value['amount'] > 0",
                "value.amount > 0 && value.other > 0", "value.name > 'a'", "!(value.amount > 0)")) {
            assertThat(NumericComparison.of(ast(rule))).as(rule).isEmpty();
        }
    }

    @Example
    void keepsCelsAnswersForNanAndNegativeZeroAgainstAnInt() throws Exception {
        QualityRuleProgram positive = QualityRuleProgram.compile(new QualityRule("p", "value.amount > 0", OnFailure.DLQ));
        QualityRuleProgram nonNegative = QualityRuleProgram.compile(new QualityRule("n", "value.amount >= 0", OnFailure.DLQ));
        Map<String, Object> nan = Map.of("amount", Double.NaN);
        Map<String, Object> negativeZero = Map.of("amount", -0.0);

        assertThat(positive.holdsInCel(null, nan)).isTrue();
        assertThat(positive.holds(null, nan)).isTrue();
        assertThat(nonNegative.holdsInCel(null, negativeZero)).isFalse();
        assertThat(nonNegative.holds(null, negativeZero)).isFalse();
    }

    @Provide
    Arbitrary<String> rules() {
        Arbitrary<String> op = Arbitraries.of(">", ">=", "<", "<=");
        Arbitrary<String> literal = Arbitraries.oneOf(
                Arbitraries.of("0", "1", "-1", "9223372036854775807", "-9223372036854775807", "9007199254740993",
                        "0.0", "-0.0", "1.5", "-1.5", "1e300", "-1e300", "9.223372036854775807e18", "-9.223372036854775808e18",
                        "9007199254740993.0"),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().map(d -> Double.toString(d)));
        return op.flatMap(o -> literal.map(l -> "value.amount " + o + " " + l));
    }

    @Provide
    Arbitrary<Object> fieldValues() {
        return Arbitraries.oneOf(
                Arbitraries.of(0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 9_007_199_254_740_993L, -9_007_199_254_740_993L),
                Arbitraries.longs().map(Object.class::cast),
                Arbitraries.of(Double.NaN, 0.0, -0.0, 1.5, -1.5, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                        9.223372036854775807e18, -9.223372036854775808e18, Math.nextUp(9.223372036854775807e18),
                        Math.nextDown(-9.223372036854775808e18), 9_007_199_254_740_992.0, Double.MIN_VALUE, Double.MAX_VALUE),
                Arbitraries.doubles().map(Object.class::cast),
                Arbitraries.of("12", "", NullValue.NULL_VALUE, true, MISSING, 3, List.of(1L)));
    }

    private static CelAbstractSyntaxTree ast(String rule) throws Exception {
        return QualityRules.compiler().compile(rule).getAst();
    }

    private static String celOutcome(QualityRuleProgram program, Map<String, Object> value) {
        return celOutcome(program, value, false);
    }

    /** "true", "false", or the error CEL's interpreter throws; through {@code holds} when {@code gate}. */
    private static String celOutcome(QualityRuleProgram program, Map<String, Object> value, boolean gate) {
        try {
            return String.valueOf(gate ? program.holds(null, value) : program.holdsInCel(null, value));
        } catch (CelEvaluationException e) {
            return "error: " + e.getMessage();
        }
    }
}
