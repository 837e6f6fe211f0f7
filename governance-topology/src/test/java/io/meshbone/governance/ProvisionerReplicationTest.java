package io.meshbone.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.provisioning.TopicPlan;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class ProvisionerReplicationTest {

    private static final DataProduct PAYMENTS = GateFixtures.listing("pay.payment-settled",
            GateFixtures.paymentDescriptor("pay", "1.0.0"), "payment-settled.avsc", GateFixtures.PAYMENT_AVSC, 7)
            .contract().orThrow();

    @Test
    void threeBrokersGiveProductTopicsThreeCopiesAndAMinIsrOfTwoByDefault() {
        List<TopicPlan> plans = Provisioner.topicPlans(PAYMENTS, 3, GovernanceSettings.DEFAULT_MAX_REPLICATION);

        assertThat(plans).hasSize(3).allSatisfy(plan -> {
            assertThat(plan.replicationFactor()).isEqualTo((short) 3);
            assertThat(plan.configs()).containsEntry("min.insync.replicas", "2");
        });
    }

    @Test
    void aMaxReplicationOfOneGivesOneCopyWithoutMinIsrOnThreeBrokers() {
        List<TopicPlan> plans = Provisioner.topicPlans(PAYMENTS, 3, 1);

        assertThat(plans).hasSize(3).allSatisfy(plan -> {
            assertThat(plan.replicationFactor()).isEqualTo((short) 1);
            assertThat(plan.configs()).doesNotContainKey("min.insync.replicas");
        });
    }

    @Test
    void settingsDefaultToThreeCopiesAndRefuseACountOutsideOneToThree() {
        GovernanceSettings settings = new GovernanceSettings(Map.of("bootstrap.servers", "unused:9092"), "http://unused",
                Path.of("/tmp"), new SimpleMeterRegistry(), Duration.ofSeconds(30));

        assertThat(settings.maxReplication()).isEqualTo(3);
        assertThat(settings.withMaxReplication(1).maxReplication()).isEqualTo(1);
        assertThat(settings.withoutAcls().withMaxReplication(2).withoutAcls().maxReplication()).isEqualTo(2);
        assertThatThrownBy(() -> settings.withMaxReplication(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxReplication: expected 1, 2 or 3 copies of a product topic, got 0");
        assertThatThrownBy(() -> settings.withMaxReplication(4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 4");
    }
}
