package io.meshbone.domains.dsl.internal;

import java.util.Map;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Skips a record that an app's own code throws on (a raw event missing a value, say), logged with where it came
 * from and counted in {@code dropped-records-total}, so one malformed event does not stop a domain; but fails the
 * stream thread on an exception from Kafka itself (a state store, a task), which is no verdict on the record and
 * must not cost it.
 */
public final class AppCodeExceptionHandler implements ProcessingExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(AppCodeExceptionHandler.class);

    @Override
    public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (exception instanceof KafkaException) {
            log.error("processor {} failed on {}-{}@{}; failing the stream thread", context.processorNodeId(),
                    context.topic(), context.partition(), context.offset(), exception);
            return ProcessingHandlerResponse.FAIL;
        }
        log.warn("skipping the record at {}-{}@{}: processor {} threw {}", context.topic(), context.partition(),
                context.offset(), context.processorNodeId(), exception.toString());
        return ProcessingHandlerResponse.CONTINUE;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // Nothing to configure.
    }
}
