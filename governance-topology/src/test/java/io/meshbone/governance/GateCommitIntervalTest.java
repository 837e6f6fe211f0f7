package io.meshbone.governance;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** The commit intervals the README documents: a gated record is visible to product consumers only at a commit. */
class GateCommitIntervalTest {

    @Test
    void theRecordGateCommitsEvery20MillisecondsAndTheContractGateEvery100() {
        Object recordGate = RecordGate.streamsConfig("unused:9092", "/tmp").get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
        Object contractGate = ContractGate.streamsConfig("unused:9092", "/tmp").get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);

        assertThat(recordGate).isEqualTo(20);
        assertThat(contractGate).isEqualTo(100);
        assertThat(RecordGate.streamsConfig("unused:9092", "/tmp").get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
                .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    }

    @Test
    void theContractGatePollsEvery10MillisecondsSoItsBatchPunctuationRunsThen() {
        assertThat(ContractGate.streamsConfig("unused:9092", "/tmp").get(StreamsConfig.POLL_MS_CONFIG)).isEqualTo(10L);
    }
}
