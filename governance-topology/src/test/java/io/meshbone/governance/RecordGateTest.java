package io.meshbone.governance;

import static io.meshbone.governance.GateFixtures.ACCOUNT;
import static io.meshbone.governance.GateFixtures.ACCOUNT_AVSC;
import static io.meshbone.governance.GateFixtures.PAYMENT;
import static io.meshbone.governance.GateFixtures.PAYMENT_AVSC;
import static io.meshbone.governance.GateFixtures.account;
import static io.meshbone.governance.GateFixtures.framed;
import static io.meshbone.governance.GateFixtures.payment;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import io.meshbone.governance.internal.GatedProduct;
import io.meshbone.governance.internal.SchemaLookup;
import io.meshbone.platform.contract.ProductNames;
import io.meshbone.platform.lineage.LineageHeaders;
import io.meshbone.platform.control.ListedProduct;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.platform.control.MeshTopics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.avro.Schema;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordGateTest {

    private static final int PAYMENT_ID = 7;
    private static final int ACCOUNT_ID = 8;
    private static final ProductNames PAYMENTS = new ProductNames("pay", "payment-settled", 1);
    private static final ProductNames ACCOUNTS = new ProductNames("acct", "account", 1);
    private static final int LEDGER_KEY_ID = 9;
    private static final ProductNames LEDGER = new ProductNames("acct", "ledger", 1);

    // The registry, as far as these tests need it: which id is a version of which subject.
    private static final Map<String, Map<Integer, Schema>> SUBJECTS = Map.of(
            PAYMENTS.valueSubject(), Map.of(PAYMENT_ID, PAYMENT),
            ACCOUNTS.valueSubject(), Map.of(ACCOUNT_ID, ACCOUNT),
            LEDGER.valueSubject(), Map.of(ACCOUNT_ID, ACCOUNT),
            LEDGER.keySubject(), Map.of(LEDGER_KEY_ID, GateFixtures.ACCOUNT_KEY));
    private static final SchemaLookup LOOKUP = (subject, id) -> Optional.ofNullable(SUBJECTS.getOrDefault(subject, Map.of()).get(id));

    @TempDir
    Path stateDir;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<GatedProduct> firstUses = new ArrayList<>();
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> paymentsIn;
    private TestInputTopic<byte[], byte[]> accountsIn;
    private TestOutputTopic<byte[], byte[]> paymentsOut;
    private TestOutputTopic<byte[], byte[]> paymentsDlq;
    private TestOutputTopic<byte[], byte[]> accountsOut;
    private TestOutputTopic<byte[], byte[]> accountsDlq;

    @BeforeEach
    void startDriver() {
        Properties config = RecordGate.streamsConfig("unused:9092", stateDir.toString());
        driver = new TopologyTestDriver(RecordGate.topology(LOOKUP, meters, firstUses::add), config);
        TestInputTopic<String, ListedProduct> listings = driver.createInputTopic(MeshTopics.PRODUCTS,
                Serdes.String().serializer(), MeshJson.serde(ListedProduct.class).serializer());
        listings.pipeInput("pay.payment-settled", GateFixtures.listing("pay.payment-settled",
                GateFixtures.paymentDescriptor("pay", "1.0.0"), "payment-settled.avsc", PAYMENT_AVSC, PAYMENT_ID));
        listings.pipeInput("acct.account", GateFixtures.listing("acct.account",
                GateFixtures.accountDescriptor("acct"), "account.avsc", ACCOUNT_AVSC, ACCOUNT_ID));
        listings.pipeInput("acct.ledger", GateFixtures.avroKeyedListing("acct.ledger", ACCOUNT_ID, LEDGER_KEY_ID));
        paymentsIn = input(PAYMENTS.stagingTopic());
        accountsIn = input(ACCOUNTS.stagingTopic());
        paymentsOut = output(PAYMENTS.topic());
        paymentsDlq = output(PAYMENTS.dlqTopic());
        accountsOut = output(ACCOUNTS.topic());
        accountsDlq = output(ACCOUNTS.dlqTopic());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldPassAGoodRecordUnchangedWithLineageHeaders() {
        byte[] value = framed(PAYMENT_ID, payment("p-1", "12.50", "EUR"));
        RecordHeaders headers = new RecordHeaders();
        headers.add(LineageHeaders.TRACEPARENT, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01".getBytes(StandardCharsets.UTF_8));
        paymentsIn.pipeInput(new TestRecord<>(bytes("p-1"), value, headers));

        TestRecord<byte[], byte[]> out = paymentsOut.readRecord();
        assertThat(out.value()).isEqualTo(value);
        assertThat(header(out, LineageHeaders.PRODUCT)).isEqualTo("pay.payment-settled");
        assertThat(header(out, LineageHeaders.DOMAIN)).isEqualTo("pay");
        assertThat(header(out, LineageHeaders.SCHEMA_ID)).isEqualTo("7");
        assertThat(header(out, LineageHeaders.SOURCE)).isEqualTo(PAYMENTS.stagingTopic() + "/0/0");
        assertThat(header(out, LineageHeaders.GATE_TIMESTAMP)).isNotBlank();
        assertThat(header(out, LineageHeaders.TRACEPARENT)).startsWith("00-0af7651916cd43dd");
        assertThat(paymentsDlq.isEmpty()).isTrue();
        assertThat(firstUses).extracting(product -> product.names().productName()).containsExactly("pay.payment-settled");
    }

    @Test
    void shouldKeepTheUpstreamHeaderADomainAppSet() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(LineageHeaders.UPSTREAM, "orders.order-placed,customers.customer-profile".getBytes(StandardCharsets.UTF_8));
        paymentsIn.pipeInput(new TestRecord<>(bytes("p-1"), framed(PAYMENT_ID, payment("p-1", "1.00", "EUR")), headers));

        assertThat(header(paymentsOut.readRecord(), LineageHeaders.UPSTREAM)).isEqualTo("orders.order-placed,customers.customer-profile");
    }

    @Test
    void shouldRouteAFailedQualityRuleToTheDlqWithTheRuleNamed() {
        paymentsIn.pipeInput(bytes("p-2"), framed(PAYMENT_ID, payment("p-2", "-3.00", "EUR")));

        TestRecord<byte[], byte[]> dead = onlyDeadLetter(paymentsDlq, paymentsOut);
        assertThat(header(dead, LineageHeaders.ERROR_CODE)).as(header(dead, LineageHeaders.ERROR_REASON)).isEqualTo("QUALITY_RULE_FAILED");
        assertThat(header(dead, LineageHeaders.ERROR_REASON)).contains("positive-amount").contains("value.amount > 0");
        assertThat(header(dead, LineageHeaders.SOURCE)).isEqualTo(PAYMENTS.stagingTopic() + "/0/0");
    }

    @Test
    void shouldPassButCountARecordThatBreaksAWarnRule() {
        paymentsIn.pipeInput(bytes("p-3"), framed(PAYMENT_ID, payment("p-3", "5.00", "USD")));

        assertThat(paymentsOut.readRecord().value()).isNotNull();
        assertThat(meters.counter("mesh.gate.rule.warnings", "product", "pay.payment-settled", "rule", "euro-only").count()).isEqualTo(1.0);
    }

    @Test
    void shouldRouteAnUnframedValueToTheDlq() {
        paymentsIn.pipeInput(bytes("p-4"), new byte[] {0, 0, 1});
        assertThat(header(onlyDeadLetter(paymentsDlq, paymentsOut), LineageHeaders.ERROR_CODE)).isEqualTo("NOT_FRAMED");
    }

    @Test
    void shouldRouteAWrongMagicByteToTheDlq() {
        byte[] value = framed(PAYMENT_ID, payment("p-5", "1.00", "EUR"));
        value[0] = 1;
        paymentsIn.pipeInput(bytes("p-5"), value);
        TestRecord<byte[], byte[]> dead = onlyDeadLetter(paymentsDlq, paymentsOut);
        assertThat(header(dead, LineageHeaders.ERROR_CODE)).isEqualTo("BAD_MAGIC_BYTE");
        assertThat(header(dead, LineageHeaders.ERROR_REASON)).contains("starts with byte 1");
    }

    @Test
    void shouldRouteASchemaIdOfAnotherSubjectToTheDlq() {
        paymentsIn.pipeInput(bytes("a-1"), framed(ACCOUNT_ID, account("a-1", "open")));
        TestRecord<byte[], byte[]> dead = onlyDeadLetter(paymentsDlq, paymentsOut);
        assertThat(header(dead, LineageHeaders.ERROR_CODE)).isEqualTo("UNKNOWN_SCHEMA_ID");
        assertThat(header(dead, LineageHeaders.ERROR_REASON)).contains("schema id 8").contains(PAYMENTS.valueSubject());
    }

    @Test
    void shouldRouteUndecodableBytesToTheDlq() {
        byte[] value = framed(PAYMENT_ID, payment("p-6", "1.00", "EUR"));
        byte[] truncated = java.util.Arrays.copyOf(value, value.length - 3);
        paymentsIn.pipeInput(bytes("p-6"), truncated);
        assertThat(header(onlyDeadLetter(paymentsDlq, paymentsOut), LineageHeaders.ERROR_CODE)).isEqualTo("UNDECODABLE");
    }

    @Test
    void shouldRouteTrailingBytesToTheDlq() {
        byte[] value = framed(PAYMENT_ID, payment("p-7", "1.00", "EUR"));
        byte[] padded = java.util.Arrays.copyOf(value, value.length + 2);
        paymentsIn.pipeInput(bytes("p-7"), padded);
        TestRecord<byte[], byte[]> dead = onlyDeadLetter(paymentsDlq, paymentsOut);
        assertThat(header(dead, LineageHeaders.ERROR_CODE)).isEqualTo("UNDECODABLE");
        assertThat(header(dead, LineageHeaders.ERROR_REASON)).contains("left over");
    }

    @Test
    void shouldRouteAKeyThatDiffersFromTheKeyFieldToTheDlq() {
        paymentsIn.pipeInput(bytes("p-other"), framed(PAYMENT_ID, payment("p-8", "1.00", "EUR")));
        TestRecord<byte[], byte[]> dead = onlyDeadLetter(paymentsDlq, paymentsOut);
        assertThat(header(dead, LineageHeaders.ERROR_CODE)).isEqualTo("KEY_MISMATCH");
        assertThat(header(dead, LineageHeaders.ERROR_REASON)).contains("paymentId").doesNotContain("p-other").doesNotContain("p-8");
    }

    @Test
    void shouldRouteAnEventTombstoneToTheDlq() {
        paymentsIn.pipeInput(bytes("p-9"), (byte[]) null);
        assertThat(header(onlyDeadLetter(paymentsDlq, paymentsOut), LineageHeaders.ERROR_CODE)).isEqualTo("NULL_VALUE");
    }

    @Test
    void shouldPassAnEntityTombstoneAsADelete() {
        accountsIn.pipeInput(bytes("a-2"), (byte[]) null);
        TestRecord<byte[], byte[]> out = accountsOut.readRecord();
        assertThat(out.value()).isNull();
        assertThat(new String(out.key(), StandardCharsets.UTF_8)).isEqualTo("a-2");
        assertThat(accountsDlq.isEmpty()).isTrue();
    }

    @Test
    void shouldRouteAnEntityRecordWithoutAKeyToTheDlq() {
        accountsIn.pipeInput((byte[]) null, framed(ACCOUNT_ID, account("a-3", "open")));
        assertThat(header(onlyDeadLetter(accountsDlq, accountsOut), LineageHeaders.ERROR_CODE)).isEqualTo("MISSING_KEY");
    }

    @Test
    void shouldRouteARuleThatCannotBeEvaluatedToTheDlq() {
        // An empty status makes the rule divide by zero: CEL raises an error rather than answering false.
        accountsIn.pipeInput(bytes("a-4"), framed(ACCOUNT_ID, account("a-4", "")));
        TestRecord<byte[], byte[]> dead = onlyDeadLetter(accountsDlq, accountsOut);
        assertThat(header(dead, LineageHeaders.ERROR_CODE)).isEqualTo("QUALITY_RULE_ERROR");
        assertThat(header(dead, LineageHeaders.ERROR_REASON)).contains("status-ratio").contains("cannot be evaluated");
    }

    @Test
    void shouldPassARecordWithAFramedAvroKey() {
        input(LEDGER.stagingTopic()).pipeInput(framed(LEDGER_KEY_ID, GateFixtures.accountKey("a-5")), framed(ACCOUNT_ID, account("a-5", "open")));
        assertThat(output(LEDGER.topic()).readRecord().value()).isNotNull();
    }

    @Test
    void shouldRouteAnUnframedAvroKeyToTheDlq() {
        input(LEDGER.stagingTopic()).pipeInput(bytes("a-6"), framed(ACCOUNT_ID, account("a-6", "open")));
        TestRecord<byte[], byte[]> dead = onlyDeadLetter(output(LEDGER.dlqTopic()), output(LEDGER.topic()));
        assertThat(header(dead, LineageHeaders.ERROR_CODE)).isEqualTo("BAD_KEY");
        assertThat(header(dead, LineageHeaders.ERROR_REASON)).contains("the key");
    }

    @Test
    void shouldRouteAnAvroKeyOfAnotherSubjectToTheDlq() {
        input(LEDGER.stagingTopic()).pipeInput(framed(ACCOUNT_ID, account("a-7", "open")), framed(ACCOUNT_ID, account("a-7", "open")));
        TestRecord<byte[], byte[]> dead = onlyDeadLetter(output(LEDGER.dlqTopic()), output(LEDGER.topic()));
        assertThat(header(dead, LineageHeaders.ERROR_CODE)).isEqualTo("BAD_KEY");
        assertThat(header(dead, LineageHeaders.ERROR_REASON)).contains(LEDGER.keySubject());
    }

    @Test
    void shouldRouteRecordsOfAnUnlistedProductToTheMeshsUnlistedDlq() {
        TestInputTopic<byte[], byte[]> unknown = input("ghost.thing.v1.staging");
        unknown.pipeInput(bytes("k"), bytes("v"));
        TestRecord<byte[], byte[]> dead = onlyDeadLetter(output(MeshTopics.UNLISTED_DLQ), output("ghost.thing.v1"));
        assertThat(output("ghost.thing.v1.dlq").isEmpty()).as("a DLQ nobody provisioned").isTrue();
        assertThat(header(dead, LineageHeaders.ERROR_CODE)).isEqualTo("PRODUCT_NOT_LISTED");
        assertThat(header(dead, LineageHeaders.SOURCE)).isEqualTo("ghost.thing.v1.staging/0/0");
    }

    @Test
    void shouldRouteAStagingTopicWhoseMajorIsBeyondAnIntToTheMeshsUnlistedDlq() {
        TestInputTopic<byte[], byte[]> huge = input("pay.payment-settled.v2147483648.staging");
        huge.pipeInput(bytes("p-1"), framed(PAYMENT_ID, payment("p-1", "1.00", "EUR")));
        TestRecord<byte[], byte[]> dead = onlyDeadLetter(output(MeshTopics.UNLISTED_DLQ), paymentsOut);
        assertThat(header(dead, LineageHeaders.ERROR_CODE)).isEqualTo("PRODUCT_NOT_LISTED");
        assertThat(header(dead, LineageHeaders.SOURCE)).isEqualTo("pay.payment-settled.v2147483648.staging/0/0");
        paymentsIn.pipeInput(bytes("p-2"), framed(PAYMENT_ID, payment("p-2", "1.00", "EUR")));
        assertThat(paymentsOut.readRecord().value()).as("the gate keeps going").isNotNull();
    }

    @Test
    void shouldRouteAnOldGenerationsRecordsToTheMeshsUnlistedDlq() {
        TestInputTopic<byte[], byte[]> v0 = input("pay.payment-settled.v0.staging");
        v0.pipeInput(bytes("p-1"), framed(PAYMENT_ID, payment("p-1", "1.00", "EUR")));
        TestRecord<byte[], byte[]> dead = onlyDeadLetter(output(MeshTopics.UNLISTED_DLQ), output("pay.payment-settled.v0"));
        assertThat(output("pay.payment-settled.v0.dlq").isEmpty()).isTrue();
        assertThat(header(dead, LineageHeaders.ERROR_REASON)).contains("listed at v1");
    }

    @Test
    void shouldCountEveryRecordInAsOutOrDeadLettered() {
        paymentsIn.pipeInput(bytes("p-1"), framed(PAYMENT_ID, payment("p-1", "1.00", "EUR")));
        paymentsIn.pipeInput(bytes("p-2"), framed(PAYMENT_ID, payment("p-2", "-1.00", "EUR")));
        paymentsIn.pipeInput(bytes("p-3"), new byte[] {9});
        paymentsIn.pipeInput(bytes("p-4"), framed(PAYMENT_ID, payment("p-4", "2.00", "EUR")));

        assertThat(paymentsOut.readRecordsToList()).hasSize(2);
        assertThat(paymentsDlq.readRecordsToList()).hasSize(2);
        double in = meters.counter("mesh.gate.records.in", "product", "pay.payment-settled").count();
        double out = meters.counter("mesh.gate.records.out", "product", "pay.payment-settled").count();
        double dlq = meters.find("mesh.gate.records.dlq").tag("product", "pay.payment-settled").counters().stream()
                .mapToDouble(c -> c.count()).sum();
        assertThat(in).isEqualTo(4.0);
        assertThat(out + dlq).isEqualTo(in);
    }

    private TestInputTopic<byte[], byte[]> input(String topic) {
        return driver.createInputTopic(topic, Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
    }

    private TestOutputTopic<byte[], byte[]> output(String topic) {
        return driver.createOutputTopic(topic, Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());
    }

    private static TestRecord<byte[], byte[]> onlyDeadLetter(TestOutputTopic<byte[], byte[]> dlq, TestOutputTopic<byte[], byte[]> out) {
        assertThat(out.isEmpty()).as("nothing reaches the product topic").isTrue();
        List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
        assertThat(dead).hasSize(1);
        return dead.get(0);
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        return LineageHeaders.get(record.headers(), name).orElse(null);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
