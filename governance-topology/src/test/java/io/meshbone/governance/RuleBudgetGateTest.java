package io.meshbone.governance;

import static io.meshbone.governance.GateFixtures.framed;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;

import io.meshbone.governance.internal.SchemaLookup;
import io.meshbone.platform.control.ListedProduct;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.platform.control.MeshTopics;
import io.meshbone.platform.lineage.LineageHeaders;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rule within the static cost limit meets a record with a huge list: that record is dead-lettered, the gate goes on. */
class RuleBudgetGateTest {

    private static final int BASKET_ID = 11;
    private static final String BASKETS = "shop.basket.v1";
    private static final String BASKET_AVSC = """
            {"type": "record", "name": "Basket", "namespace": "test.shop",
             "fields": [
               {"name": "basketId", "type": "string", "doc": "Basket id."},
               {"name": "lines", "type": {"type": "array", "items": "long"}, "doc": "Line amounts in cents."}
             ]}""";
    private static final Schema BASKET = new Schema.Parser().parse(BASKET_AVSC);
    private static final String DESCRIPTOR = """
            apiVersion: meshbone/v1
            kind: DataProduct
            metadata:
              name: basket
              domain: shop
              owner: team-shop@example.com
              description: Baskets.
            spec:
              version: 1.0.0
              type: event
              key: {field: basketId}
              value: {schema: basket.avsc}
              classification: internal
              quality:
                - {name: pairwise-lines, rule: "value.lines.all(a, value.lines.all(b, a + b >= 0))", onFailure: dlq}
            """;
    private static final SchemaLookup LOOKUP = (subject, id) ->
            Optional.ofNullable(subject.equals(BASKETS + "-value") && id == BASKET_ID ? BASKET : null);

    @TempDir
    Path stateDir;

    @Test
    void shouldDeadLetterARecordOverTheIterationCapAndPassTheNextOne() {
        try (TopologyTestDriver driver = new TopologyTestDriver(
                RecordGate.topology(LOOKUP, new SimpleMeterRegistry(), product -> { }),
                RecordGate.streamsConfig("unused:9092", stateDir.toString()))) {
            TestInputTopic<String, ListedProduct> listings = driver.createInputTopic(MeshTopics.PRODUCTS,
                    Serdes.String().serializer(), MeshJson.serde(ListedProduct.class).serializer());
            listings.pipeInput("shop.basket", GateFixtures.listing("shop.basket", DESCRIPTOR, "basket.avsc", BASKET_AVSC, BASKET_ID));
            TestInputTopic<byte[], byte[]> in = driver.createInputTopic(BASKETS + ".staging",
                    Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
            TestOutputTopic<byte[], byte[]> out = driver.createOutputTopic(BASKETS,
                    Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());
            TestOutputTopic<byte[], byte[]> dlq = driver.createOutputTopic(BASKETS + ".dlq",
                    Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());

            // 400 lines make 400 * 400 iterations, over the gate's cap of 100,000 per rule and record.
            in.pipeInput(bytes("b-huge"), framed(BASKET_ID, basket("b-huge", 400)));
            in.pipeInput(bytes("b-small"), framed(BASKET_ID, basket("b-small", 3)));

            TestRecord<byte[], byte[]> dead = dlq.readRecord();
            assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("b-huge");
            assertThat(header(dead, LineageHeaders.ERROR_CODE)).isEqualTo("QUALITY_RULE_ERROR");
            assertThat(header(dead, LineageHeaders.ERROR_REASON)).contains("pairwise-lines").contains("cannot be evaluated");
            assertThat(dlq.isEmpty()).isTrue();
            assertThat(out.readKeyValuesToList()).singleElement()
                    .satisfies(kv -> assertThat(new String(kv.key, StandardCharsets.UTF_8)).isEqualTo("b-small"));
        }
    }

    private static GenericRecord basket(String id, int lines) {
        GenericRecord record = new GenericData.Record(BASKET);
        record.put("basketId", id);
        record.put("lines", new GenericData.Array<>(BASKET.getField("lines").schema(), Collections.nCopies(lines, 1L)));
        return record;
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
