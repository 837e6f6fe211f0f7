package io.meshbone.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class AvroToCelTest {

    /** The shortcut for small decimals must give the very double BigDecimal gives, or a rule could judge a record differently. */
    @Property(tries = 2000)
    void aSmallDecimalIsTheDoubleBigDecimalGives(@ForAll @LongRange(min = -(1L << 47), max = (1L << 47) - 1) long unscaled,
                                                 @ForAll @IntRange(min = 0, max = 30) int scale) {
        byte[] bytes = BigInteger.valueOf(unscaled).toByteArray();
        double expected = new BigDecimal(new BigInteger(bytes), scale).doubleValue();
        double small = AvroToCel.smallDecimal(ByteBuffer.wrap(bytes), scale);

        if (bytes.length <= 6 && scale <= 22) {
            assertThat(small).as("%d with scale %d", unscaled, scale).isEqualTo(expected);
        } else {
            assertThat(small).isNaN();
        }
    }

    @Test
    void decimalsTooLongOrEmptyAreLeftToBigDecimal() {
        assertThat(AvroToCel.smallDecimal(ByteBuffer.wrap(new byte[7]), 2)).isNaN();
        assertThat(AvroToCel.smallDecimal(ByteBuffer.wrap(new byte[0]), 2)).isNaN();
        assertThat(AvroToCel.smallDecimal(ByteBuffer.wrap(new byte[] {(byte) 0x87, 0x1f}), 2))
                .isEqualTo(new BigDecimal(new BigInteger(new byte[] {(byte) 0x87, 0x1f}), 2).doubleValue());
    }

    @Test
    void aDecimalIsReadFromTheBuffersPosition() {
        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {9, 9, 0x07, (byte) 0xcf});
        buffer.position(2);

        assertThat(AvroToCel.smallDecimal(buffer, 2)).isEqualTo(19.99);
        assertThat(buffer.position()).isEqualTo(2);
    }
}
