package io.meshbone.platform.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LineagePartsTest {

    @Test
    void partOneIsTheJobItselfAndLaterPartsNameIt() {
        assertThat(LineageParts.name("meshbone.record-gate", 1)).isEqualTo("meshbone.record-gate");
        assertThat(LineageParts.name("meshbone.record-gate", 2)).isEqualTo("meshbone.record-gate.part-2");
        assertThat(LineageParts.name("meshbone.record-gate", 12)).isEqualTo("meshbone.record-gate.part-12");
        assertThatThrownBy(() -> LineageParts.name("x", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReaderFindsTheJobOfEveryPartAndOnlyOfParts() {
        for (int part = 1; part <= 30; part++) {
            assertThat(LineageParts.jobOf(LineageParts.name("meshbone.record-gate", part))).isEqualTo("meshbone.record-gate");
        }
        assertThat(LineageParts.jobOf("orders-refinement")).isEqualTo("orders-refinement");
        assertThat(LineageParts.jobOf("mirror:exchange->eu")).isEqualTo("mirror:exchange->eu");
        // Names no emitter gives a part: left as they are.
        assertThat(LineageParts.jobOf("x.part-1")).isEqualTo("x.part-1");
        assertThat(LineageParts.jobOf("x.part-02")).isEqualTo("x.part-02");
        assertThat(LineageParts.jobOf(".part-2")).isEqualTo(".part-2");
        assertThat(LineageParts.jobOf("x.part-")).isEqualTo("x.part-");
    }
}
