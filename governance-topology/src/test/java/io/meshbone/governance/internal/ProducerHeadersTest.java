package io.meshbone.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import io.meshbone.platform.lineage.LineageHeaders;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class ProducerHeadersTest {

    @Test
    void stampingReplacesForgedMeshHeadersAndReturnsTheBoundOfWhatItLeaves() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", utf8("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        headers.add(LineageHeaders.PRODUCT, utf8("forged.product"));
        headers.add(LineageHeaders.UPSTREAM, utf8("orders.order-placed"));
        headers.add("nothing", null);
        ProducerHeaders producer = ProducerHeaders.of(headers);

        long bound = producer.stamp(headers, header(LineageHeaders.SOURCE, "pay.settled.v1.staging/0/42"),
                header(LineageHeaders.PRODUCT, "pay.settled"), header(LineageHeaders.DOMAIN, "pay"), header(LineageHeaders.SCHEMA_ID, "7"),
                null, header(LineageHeaders.GATE_TIMESTAMP, "2026-12-02T08:00:00.123Z"));

        assertThat(headers.toArray()).extracting(Header::key).containsExactly("traceparent", LineageHeaders.UPSTREAM, "nothing",
                LineageHeaders.SOURCE, LineageHeaders.PRODUCT, LineageHeaders.DOMAIN, LineageHeaders.SCHEMA_ID,
                LineageHeaders.GATE_TIMESTAMP);
        assertThat(new String(headers.lastHeader(LineageHeaders.PRODUCT).value(), StandardCharsets.UTF_8)).isEqualTo("pay.settled");
        long expected = 0;
        for (Header header : headers) {
            expected += RecordLimits.headerBound(header);
        }
        assertThat(bound).isEqualTo(expected);
        assertThat(producer.hasUpstream()).isTrue();
    }

    private static Header header(String name, String value) {
        return ProducerHeaders.header(name, utf8(value));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
