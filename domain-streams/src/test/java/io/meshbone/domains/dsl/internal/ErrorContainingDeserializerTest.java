package io.meshbone.domains.dsl.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Properties;

import io.meshbone.domains.dsl.MeshStreams;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;

/** An {@link Error} inside a product deserializer costs one record, skipped and counted, not the app. */
class ErrorContainingDeserializerTest {

    /** Reads UTF-8, but overflows its stack on a record that says "deep", as a deeply nested value would. */
    private static final Deserializer<String> FRAGILE = (topic, bytes) -> {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.equals("deep")) {
            throw new StackOverflowError("nested too deep");
        }
        return text;
    };

    @Test
    void skipsAndCountsARecordWhoseDeserializerThrowsAnError() throws Exception {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in", Consumed.with(Serdes.String(),
                        Serdes.serdeFrom(new StringSerializer(), new ErrorContainingDeserializer<>(FRAGILE))).withName("in-source"))
                .to("out", Produced.with(Serdes.String(), Serdes.String()).withName("out-sink"));
        Properties config = MeshStreams.streamsConfig("error-containing-test", "unused:9092",
                Files.createTempDirectory("error-containing-"));

        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), config)) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
            TestOutputTopic<String, String> out = driver.createOutputTopic("out", new StringDeserializer(), new StringDeserializer());

            in.pipeInput("a", "before");
            in.pipeInput("b", "deep");
            in.pipeInput("c", "after");

            assertThat(out.readValuesToList()).containsExactly("before", "after");
            assertThat(droppedRecords(driver)).isEqualTo(1.0);
        }
    }

    private static double droppedRecords(TopologyTestDriver driver) {
        return driver.metrics().values().stream()
                .filter(metric -> metric.metricName().name().equals("dropped-records-total"))
                .mapToDouble(metric -> ((Number) metric.metricValue()).doubleValue())
                .sum();
    }
}
