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
    void productTopicsAndTheGateProducerStayUncompressedSoEveryClientReadsThem() {
        DataProduct product = GateFixtures.listing("pay.payment-settled", GateFixtures.paymentDescriptor("pay", "1.0.0"),
                "payment-settled.avsc", GateFixtures.PAYMENT_AVSC, 7).contract().orThrow();
        TopicPlan productTopic = ProductTopicPlans.of(product, 1).stream()
                .filter(plan -> plan.name().equals(product.names().topic())).findFirst().orElseThrow();

        Object gateCodec = RecordGate.streamsConfig("unused:9092", "/tmp").get(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG));

        assertThat(productTopic.configs()).containsEntry("compression.type", "uncompressed");
        assertThat(gateCodec).isEqualTo("none");
    }
}
