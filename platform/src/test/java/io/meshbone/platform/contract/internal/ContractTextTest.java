package io.meshbone.platform.contract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshbone.platform.contract.SemVer;
import org.junit.jupiter.api.Test;

class ContractTextTest {

    @Test
    void acceptsSemanticVersionsOnly() {
        assertThat(SemVer.parse("1.0.0")).contains(new SemVer(1, 0, 0, "", ""));
        assertThat(SemVer.parse("1.2.3-alpha.1+sha.5")).get().hasToString("1.2.3-alpha.1+sha.5");
        assertThat(SemVer.parse("1.0")).isEmpty();
        assertThat(SemVer.parse("v1.0.0")).isEmpty();
        assertThat(SemVer.parse("01.0.0")).isEmpty();
        assertThat(SemVer.parse("1.0.0-01")).isEmpty();
    }

    @Test
    void compilesCelRulesOverKeyAndValueToABool() {
        assertThat(CelRules.compileError("value.amount > 0")).isEmpty();
        assertThat(CelRules.compileError("key.id == value.id && has(value.note)")).isEmpty();
        assertThat(CelRules.compileError("value.amount")).isEmpty();
        assertThat(CelRules.compileError("value.amount + 1")).get().asString().contains("expected type 'bool'");
        assertThat(CelRules.compileError("price > 0")).get().asString().contains("undeclared reference to 'price'");
    }

    @Test
    void findsTheFieldsARuleReadsOffAVariable() {
        assertThat(CelRules.fieldsReadFrom("value.a > 0 && has(value.b) && value.c.d == key.e", "value"))
                .containsExactly("a", "b", "c");
        assertThat(CelRules.fieldsReadFrom("value.a > 0 && key.e == ''", "key")).containsExactly("e");
        assertThat(CelRules.fieldsReadFrom("value.a >", "value")).isEmpty();
    }
}
