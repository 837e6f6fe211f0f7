package io.meshbone.platform.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshbone.platform.serde.internal.WireFormat;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class WireFormatTest {

    @Test
    void writesAndReadsABigEndianIdAfterMagicZero() {
        byte[] bytes = new byte[6];
        WireFormat.writeHeader(bytes, 0x01020304);
        assertThat(bytes).startsWith(0, 1, 2, 3, 4);
        assertThat(WireFormat.readId("t", bytes)).isEqualTo(0x01020304);
        WireFormat.writeHeader(bytes, Integer.MAX_VALUE);
        assertThat(WireFormat.readId("t", bytes)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void saysWhenBytesAreTooShortOrCarryAnotherMagicByte() {
        assertThatThrownBy(() -> WireFormat.readId("t", new byte[] {0, 1}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("2 bytes, too short");
        assertThatThrownBy(() -> WireFormat.readId("t", new byte[] {7, 0, 0, 0, 1}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("magic byte 7");
    }
}
