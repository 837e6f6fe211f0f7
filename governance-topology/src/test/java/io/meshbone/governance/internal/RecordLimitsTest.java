package io.meshbone.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class RecordLimitsTest {

    @Test
    void fitsAgreesWithKafkasEstimateAroundTheLimit() {
        for (int valueBytes : new int[] {0, 39, 1024, 100_000}) {
            byte[] key = "order-1".getBytes(StandardCharsets.UTF_8);
            byte[] value = new byte[valueBytes];
            RecordHeaders headers = new RecordHeaders();
            headers.add("mesh.source", "payments.payment-settled.v1.staging/3/123456".getBytes(StandardCharsets.UTF_8));
            headers.add("mesh.product", "payments.payment-settled".getBytes(StandardCharsets.UTF_8));
            headers.add("mesh.ärger", null);
            int exact = RecordLimits.batchBytes(key, value, headers);
            for (int limit = exact - 200; limit <= exact + 200; limit++) {
                assertThat(RecordLimits.fits(key, value, headers, limit)).as("%d-byte value, limit %d, exact size %d", valueBytes, limit, exact)
                        .isEqualTo(exact <= limit);
            }
        }
    }

    @Test
    void aNullKeyAndValueFit() {
        assertThat(RecordLimits.fits(null, null, new RecordHeaders(), 200)).isTrue();
        assertThat(RecordLimits.fits(null, null, new RecordHeaders(), 10)).isFalse();
    }
}
