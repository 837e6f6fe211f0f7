package io.meshbone.platform.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class SubjectNameStrategyTest {

    private static final Schema ORDER = new Schema.Parser().parse(
            "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"shop\",\"fields\":[]}");

    @Test
    void namesSubjectsLikeConfluentsThreeStrategies() {
        assertThat(SubjectNameStrategy.TOPIC_NAME.subject("orders", false, ORDER)).isEqualTo("orders-value");
        assertThat(SubjectNameStrategy.TOPIC_NAME.subject("orders", true, ORDER)).isEqualTo("orders-key");
        assertThat(SubjectNameStrategy.RECORD_NAME.subject("orders", false, ORDER)).isEqualTo("shop.Order");
        assertThat(SubjectNameStrategy.TOPIC_RECORD_NAME.subject("orders", false, ORDER)).isEqualTo("orders-shop.Order");
    }

    @Test
    void recordStrategiesNeedANamedType() {
        assertThatThrownBy(() -> SubjectNameStrategy.RECORD_NAME.subject("t", false, Schema.create(Schema.Type.STRING)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("STRING");
    }
}
