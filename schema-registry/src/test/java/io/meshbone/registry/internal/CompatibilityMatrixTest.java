package io.meshbone.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.meshbone.platform.contract.Compatibility;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CompatibilityMatrixTest {

    private static final String A_STRING = "{\"name\":\"a\",\"type\":\"string\"}";
    private static final String A_INT_DEFAULT = "{\"name\":\"a\",\"type\":\"int\",\"default\":0}";
    private static final String B_DEFAULT = "{\"name\":\"b\",\"type\":\"int\",\"default\":0}";
    private static final String C_REQUIRED = "{\"name\":\"c\",\"type\":\"int\"}";

    private static final String V1 = record(A_STRING);
    private static final String ADD_OPTIONAL = record(A_STRING, B_DEFAULT);
    private static final String ADD_REQUIRED = record(A_STRING, C_REQUIRED);
    private static final String EMPTY = record();
    private static final String A_AS_INT = record(A_INT_DEFAULT);
    private static final String A_AS_LONG = record("{\"name\":\"a\",\"type\":\"long\"}");

    private static String record(String... fields) {
        return "{\"type\":\"record\",\"name\":\"M\",\"fields\":[" + String.join(",", fields) + "]}";
    }

    static Stream<Arguments> matrix() {
        return Stream.of(
                // level, history (oldest first), candidate, compatible?
                Arguments.of("NONE", List.of(V1), A_AS_LONG, true),
                Arguments.of("NONE", List.of(V1, EMPTY), ADD_REQUIRED, true),
                Arguments.of("BACKWARD", List.of(V1), ADD_OPTIONAL, true),
                Arguments.of("BACKWARD", List.of(V1), ADD_REQUIRED, false),
                Arguments.of("BACKWARD", List.of(V1), EMPTY, true),
                Arguments.of("BACKWARD", List.of(V1, EMPTY), A_AS_INT, true),
                Arguments.of("BACKWARD_TRANSITIVE", List.of(V1, EMPTY), A_AS_INT, false),
                Arguments.of("BACKWARD_TRANSITIVE", List.of(V1, ADD_OPTIONAL), ADD_OPTIONAL, true),
                Arguments.of("FORWARD", List.of(V1), ADD_REQUIRED, true),
                Arguments.of("FORWARD", List.of(V1), EMPTY, false),
                Arguments.of("FORWARD", List.of(V1, EMPTY), EMPTY, true),
                Arguments.of("FORWARD_TRANSITIVE", List.of(V1, EMPTY), EMPTY, false),
                Arguments.of("FORWARD_TRANSITIVE", List.of(V1, ADD_OPTIONAL), ADD_REQUIRED, true),
                Arguments.of("FULL", List.of(V1), ADD_OPTIONAL, true),
                Arguments.of("FULL", List.of(V1), ADD_REQUIRED, false),
                Arguments.of("FULL", List.of(V1), EMPTY, false),
                Arguments.of("FULL", List.of(V1, EMPTY), EMPTY, true),
                Arguments.of("FULL_TRANSITIVE", List.of(V1, EMPTY), EMPTY, false),
                Arguments.of("FULL_TRANSITIVE", List.of(V1, ADD_OPTIONAL), ADD_OPTIONAL, true));
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("matrix")
    void checksEachLevelWithAvrosOwnChecker(String level, List<String> history, String candidate, boolean compatible) {
        List<CompatibilityChecker.Previous> previous = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            previous.add(new CompatibilityChecker.Previous(i + 1, new Schema.Parser().parse(history.get(i))));
        }
        List<String> messages = CompatibilityChecker.check(CompatibilityChecker.parseLevel(level), new Schema.Parser().parse(candidate), previous);
        assertThat(messages.isEmpty()).as(String.join("\n", messages)).isEqualTo(compatible);
    }

    @Test
    void namesTheFieldAndTheReasonInEachMessage() {
        List<String> messages = CompatibilityChecker.check(Compatibility.BACKWARD, new Schema.Parser().parse(ADD_REQUIRED),
                List.of(new CompatibilityChecker.Previous(3, new Schema.Parser().parse(V1))));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("READER_FIELD_MISSING_DEFAULT_VALUE")
                .contains("The field 'c' at path '/fields/1' in the new schema has no default value and is missing in the old schema"));
        assertThat(messages).contains("{oldSchemaVersion: 3}", "{compatibility: 'BACKWARD'}");

        List<String> typeChange = CompatibilityChecker.check(Compatibility.FORWARD, new Schema.Parser().parse(A_AS_LONG),
                List.of(new CompatibilityChecker.Previous(1, new Schema.Parser().parse(record("{\"name\":\"a\",\"type\":\"int\"}")))));
        assertThat(typeChange).anySatisfy(m -> assertThat(m).contains("TYPE_MISMATCH").contains("/fields/0/type"));
    }

    @Test
    void rejectsAnUnknownLevelWith42203() {
        assertThatThrownBy(() -> CompatibilityChecker.parseLevel("SOMETIMES")).isInstanceOf(RestError.class)
                .extracting(e -> ((RestError) e).errorCode()).isEqualTo(42203);
    }
}
