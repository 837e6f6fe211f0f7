package io.meshbone.domains.dsl.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler.ProcessingHandlerResponse;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class AppCodeExceptionHandlerTest {

    private static final ErrorHandlerContext CONTEXT = new ErrorHandlerContext() {
        @Override
        public String topic() {
            return "payments.raw-payments";
        }

        @Override
        public int partition() {
            return 2;
        }

        @Override
        public long offset() {
            return 42;
        }

        @Override
        public Headers headers() {
            return new RecordHeaders();
        }

        @Override
        public String processorNodeId() {
            return "payments.payment-settled-by-order";
        }

        @Override
        public TaskId taskId() {
            return new TaskId(0, 2);
        }

        @Override
        public long timestamp() {
            return 0;
        }

        @Override
        public byte[] sourceRawKey() {
            return null;
        }

        @Override
        public byte[] sourceRawValue() {
            return null;
        }
    };

    private final AppCodeExceptionHandler handler = new AppCodeExceptionHandler();
    private final Record<String, String> record = new Record<>("k", "v", 0L);

    @Test
    void skipsARecordTheAppsOwnCodeThrowsOn() {
        assertThat(handler.handle(CONTEXT, record, new NullPointerException("amount"))).isEqualTo(ProcessingHandlerResponse.CONTINUE);
        assertThat(handler.handle(CONTEXT, record, new IllegalArgumentException("bad"))).isEqualTo(ProcessingHandlerResponse.CONTINUE);
    }

    @Test
    void failsOnAnExceptionFromKafkaItself() {
        assertThat(handler.handle(CONTEXT, record, new ProcessorStateException("store closed"))).isEqualTo(ProcessingHandlerResponse.FAIL);
        assertThat(handler.handle(CONTEXT, record, new KafkaException("broken"))).isEqualTo(ProcessingHandlerResponse.FAIL);
    }
}
