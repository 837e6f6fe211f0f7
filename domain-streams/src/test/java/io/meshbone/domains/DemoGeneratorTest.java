package io.meshbone.domains;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshbone.domains.demo.DemoGenerator;
import org.junit.jupiter.api.Test;

class DemoGeneratorTest {

    @Test
    void rejectsARateThatIsNotPositive() {
        assertThatThrownBy(() -> DemoGenerator.start("127.0.0.1:9", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("checkoutsPerSecond").hasMessageContaining("0.0");
        assertThatThrownBy(() -> DemoGenerator.start("127.0.0.1:9", Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    }

    @Test
    void rejectsARateAboveTenThousandPerSecond() {
        assertThatThrownBy(() -> DemoGenerator.start("127.0.0.1:9", 20_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(0, 10000]");
    }
}
