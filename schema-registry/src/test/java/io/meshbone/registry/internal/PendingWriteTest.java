package io.meshbone.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.meshbone.registry.SchemaRegistrySettings;
import org.junit.jupiter.api.Test;

/** A write's life between its caller and the writer thread, without Kafka. */
class PendingWriteTest {

    private static final StoreWrite.StoreRecord RECORD = new StoreWrite.StoreRecord("{\"keytype\":\"NOOP\"}", "{}");

    @Test
    void aWriteItsCallerGaveUpOnIsNotCommittedLater() {
        PendingWrite<String> write = new PendingWrite<>(state -> StoreWrite.of(RECORD, "done"));
        assertThatThrownBy(() -> write.await(Duration.ofMillis(10))).hasMessageContaining("the write was not made");

        List<StoreWrite.StoreRecord> records = new ArrayList<>();
        write.decide(new RegistryState(), records, false).run();
        assertThat(records).isEmpty();
    }

    @Test
    void aWriteTakenByTheWriterIsDecidedAgainOnARetryAndAnswered() {
        PendingWrite<String> write = new PendingWrite<>(state -> StoreWrite.of(RECORD, "done"));
        List<StoreWrite.StoreRecord> first = new ArrayList<>();
        write.decide(new RegistryState(), first, false);
        List<StoreWrite.StoreRecord> retried = new ArrayList<>();
        Runnable answer = write.decide(new RegistryState(), retried, false);
        assertThat(first).containsExactly(RECORD);
        assertThat(retried).containsExactly(RECORD);
        answer.run();
        assertThat(write.await(Duration.ofMillis(10))).isEqualTo("done");
    }

    @Test
    void aStackOverflowWhileDecidingFailsOnlyThatWrite() {
        PendingWrite<String> write = new PendingWrite<>(state -> {
            throw new StackOverflowError();
        });
        List<StoreWrite.StoreRecord> records = new ArrayList<>();
        write.decide(new RegistryState(), records, false).run();
        assertThat(records).isEmpty();
        assertThatThrownBy(() -> write.await(Duration.ofMillis(10))).hasMessageContaining("nested too deeply");
    }

    @Test
    void anAdvertisedUrlEndingInASlashIsKeptWithoutIt() {
        SchemaRegistrySettings settings = SchemaRegistrySettings.defaults("localhost:9092")
                .withAdvertisedUrl(java.net.URI.create("http://registry-1:8081/"));
        assertThat(settings.advertisedUrl()).contains(java.net.URI.create("http://registry-1:8081"));
    }
}
