package io.meshbone.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshbone.platform.control.ProductTopicPlans;
import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.provisioning.TopicPlan;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class GateDefaultsTest {

    @Test
    void productTopicsAndTheGateProducerUseGzipAtLevelOneTheCodecEveryClientReads() {
        DataProduct product = GateFixtures.listing("pay.payment-settled", GateFixtures.paymentDescriptor("pay", "1.0.0"),
                "payment-settled.avsc", GateFixtures.PAYMENT_AVSC, 7).contract().orThrow();
        TopicPlan productTopic = ProductTopicPlans.of(product, 1).stream()
                .filter(plan -> plan.name().equals(product.names().topic())).findFirst().orElseThrow();

        var gate = RecordGate.streamsConfig("unused:9092", "/tmp");

        assertThat(productTopic.configs()).containsEntry("compression.type", "gzip").containsEntry("compression.gzip.level", "1");
        assertThat(gate.get(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG))).isEqualTo("gzip");
        assertThat(gate.get(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_GZIP_LEVEL_CONFIG))).isEqualTo("1");
    }
}
