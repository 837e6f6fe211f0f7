package io.meshbone.governance;

import static io.meshbone.governance.GateFixtures.ACCOUNT;
import static io.meshbone.governance.GateFixtures.ACCOUNT_AVSC;
import static io.meshbone.governance.GateFixtures.PAYMENT;
import static io.meshbone.governance.GateFixtures.PAYMENT_AVSC;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.meshbone.governance.internal.RecordLimits;
import io.meshbone.governance.internal.SchemaLookup;
import io.meshbone.platform.control.ListedProduct;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.platform.control.MeshTopics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.avro.Schema;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/** The record gate's topology on a {@link TopologyTestDriver}, with three listed products and a registry seam. */
final class GateHarness implements AutoCloseable {

    static final int PAYMENT_ID = 7;
    static final int ACCOUNT_ID = 8;
    static final int LEDGER_KEY_ID = 9;
    static final String PAYMENTS = "pay.payment-settled.v1";
    static final String ACCOUNTS = "acct.account.v1";
    static final String LEDGER = "acct.ledger.v1";
    static final List<String> PRODUCT_TOPICS = List.of(PAYMENTS, ACCOUNTS, LEDGER);

    // The registry, as far as these tests need it: which id is a version of which subject.
    private static final Map<String, Map<Integer, Schema>> SUBJECTS = Map.of(
            PAYMENTS + "-value", Map.of(PAYMENT_ID, PAYMENT),
            ACCOUNTS + "-value", Map.of(ACCOUNT_ID, ACCOUNT),
            LEDGER + "-value", Map.of(ACCOUNT_ID, ACCOUNT),
            LEDGER + "-key", Map.of(LEDGER_KEY_ID, GateFixtures.ACCOUNT_KEY));
    static final SchemaLookup REGISTRY = (subject, id) -> Optional.ofNullable(SUBJECTS.getOrDefault(subject, Map.of()).get(id));

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final TopologyTestDriver driver;

    GateHarness(Path stateDir, SchemaLookup lookup, RecordLimits limits) {
        driver = new TopologyTestDriver(RecordGate.topology(lookup, meters, product -> { }, limits),
                RecordGate.streamsConfig("unused:9092", stateDir.toString()));
        TestInputTopic<String, ListedProduct> listings = driver.createInputTopic(MeshTopics.PRODUCTS,
                Serdes.String().serializer(), MeshJson.serde(ListedProduct.class).serializer());
        listings.pipeInput("pay.payment-settled", GateFixtures.listing("pay.payment-settled",
                GateFixtures.paymentDescriptor("pay", "1.0.0"), "payment-settled.avsc", PAYMENT_AVSC, PAYMENT_ID));
        listings.pipeInput("acct.account", GateFixtures.listing("acct.account",
                GateFixtures.accountDescriptor("acct"), "account.avsc", ACCOUNT_AVSC, ACCOUNT_ID));
        listings.pipeInput("acct.ledger", GateFixtures.avroKeyedListing("acct.ledger", ACCOUNT_ID, LEDGER_KEY_ID));
    }

    TestInputTopic<byte[], byte[]> input(String topic) {
        return driver.createInputTopic(topic, Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
    }

    TestInputTopic<String, byte[]> controlInput() {
        return driver.createInputTopic(MeshTopics.PRODUCTS, Serdes.String().serializer(), Serdes.ByteArray().serializer());
    }

    TestOutputTopic<byte[], byte[]> output(String topic) {
        return driver.createOutputTopic(topic, Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());
    }

    /** Every record written to any product topic, DLQ or the unlisted DLQ since the last call, drained. */
    List<Routed> drain() {
        List<Routed> routed = new ArrayList<>();
        List<String> destinations = new ArrayList<>();
        PRODUCT_TOPICS.forEach(topic -> destinations.addAll(List.of(topic, topic + ".dlq")));
        destinations.add(MeshTopics.UNLISTED_DLQ);
        // Only topics written to so far: the driver warns about every other one.
        destinations.retainAll(driver.producedTopicNames());
        for (String topic : destinations) {
            output(topic).readRecordsToList().forEach(record -> routed.add(new Routed(topic, record)));
        }
        return routed;
    }

    double count(String meter) {
        return meters.find(meter).counters().stream().mapToDouble(Counter::count).sum();
    }

    @Override
    public void close() {
        driver.close();
    }

    /** A record the gate wrote, and where. */
    record Routed(String topic, TestRecord<byte[], byte[]> record) {
        boolean deadLetter() {
            return topic.endsWith(".dlq");
        }
    }
}
