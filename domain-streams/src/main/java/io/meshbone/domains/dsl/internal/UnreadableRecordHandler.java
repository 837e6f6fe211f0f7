package io.meshbone.domains.dsl.internal;

import io.meshbone.platform.registry.SchemaRegistryException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Skips a record that can never be read (logged and counted in {@code dropped-records-total}, as Kafka's
 * {@link LogAndContinueExceptionHandler} does), but fails the stream thread when the schema registry could not be
 * reached: that record is fine, and skipping it would lose it. The apps replace a failed thread, which resumes
 * from the last committed offset, so the record is read again once the registry answers.
 */
public final class UnreadableRecordHandler extends LogAndContinueExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(UnreadableRecordHandler.class);

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                                 Exception exception) {
        if (registryUnreachable(exception)) {
            log.warn("cannot read {}-{}@{} until the schema registry answers: {}", record.topic(), record.partition(),
                    record.offset(), exception.getMessage());
            return DeserializationHandlerResponse.FAIL;
        }
        return super.handle(context, record, exception);
    }

    static boolean registryUnreachable(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SchemaRegistryException registry) {
                return registry.retriable();
            }
        }
        return false;
    }
}
