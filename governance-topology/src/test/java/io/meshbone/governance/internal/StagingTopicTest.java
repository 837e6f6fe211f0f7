package io.meshbone.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import io.meshbone.platform.lineage.LineageHeaders;
import org.junit.jupiter.api.Test;

class StagingTopicTest {

    @Test
    void theSourceHeaderIsTopicPartitionOffsetAsUtf8() {
        StagingTopic staging = StagingTopic.of("pay.payment-settled.v1.staging");

        for (long offset : new long[] {0, 7, 9, 10, 99, 100, 123_456_789, 999_999_999_999_999_999L, 1_000_000_000_000_000_000L,
            Long.MAX_VALUE}) {
            for (int partition : new int[] {0, 5, 11, 0}) {
                assertThat(new String(staging.source(partition, offset), StandardCharsets.UTF_8))
                        .isEqualTo(LineageHeaders.source("pay.payment-settled.v1.staging", partition, offset));
            }
        }
        assertThat(new String(staging.source(-1, -1), StandardCharsets.UTF_8)).isEqualTo("pay.payment-settled.v1.staging/-1/-1");
    }

    @Test
    void aStagingTopicNamesItsProductOrNone() {
        assertThat(StagingTopic.of("pay.payment-settled.v2.staging").productName()).isEqualTo("pay.payment-settled");
        assertThat(StagingTopic.of("pay.payment-settled.v2.staging").names()).hasValueSatisfying(names -> assertThat(names.major()).isEqualTo(2));
        assertThat(StagingTopic.of("a.b.v01.staging").names()).isEmpty();
        assertThat(StagingTopic.of("a.b.v01.staging").productName()).isNull();
    }
}
