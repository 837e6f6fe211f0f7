package io.meshbone.governance;

import static io.meshbone.governance.GateFixtures.account;
import static io.meshbone.governance.GateFixtures.framed;
import static io.meshbone.governance.GateFixtures.payment;
import static io.meshbone.governance.GateHarness.ACCOUNTS;
import static io.meshbone.governance.GateHarness.LEDGER;
import static io.meshbone.governance.GateHarness.PAYMENTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.meshbone.governance.GateHarness.Routed;
import io.meshbone.governance.internal.GateError;
import io.meshbone.governance.internal.RecordLimits;
import io.meshbone.governance.internal.SchemaLookup;
import io.meshbone.platform.contract.ProductNames;
import io.meshbone.platform.control.MeshTopics;
import io.meshbone.platform.lineage.LineageHeaders;
import io.meshbone.platform.registry.SchemaRegistryException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.statistics.Statistics;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Arbitrary bytes, keys, headers and staging topic names through the record gate's topology: every record ends in
 * exactly one topic, dead letters with a code, and nothing throws.
 */
class HostileRecordsPropertyTest {

    private static final int REFUSED_ID = 13;
    private static final int OVERFLOWING_ID = 66;
    // Small limits, so that arbitrary records also reach RECORD_TOO_LARGE and the oversized-dead-letter path.
    private static final RecordLimits LIMITS = new RecordLimits(2048, 4096);
    private static final Set<String> LISTED_STAGING = Set.of(PAYMENTS + ".staging", ACCOUNTS + ".staging", LEDGER + ".staging");
    private static final Set<String> GATE_STAMPS = Set.of(LineageHeaders.PRODUCT, LineageHeaders.DOMAIN, LineageHeaders.SCHEMA_ID,
            LineageHeaders.SOURCE, LineageHeaders.UPSTREAM, LineageHeaders.GATE_TIMESTAMP);
    private static final Set<String> CODES = Arrays.stream(GateError.values()).map(Enum::name).collect(Collectors.toSet());
    private static final List<String> MESH_NAMES = List.of(LineageHeaders.ERROR_CODE, LineageHeaders.ERROR_REASON, LineageHeaders.PRODUCT,
            LineageHeaders.DOMAIN, LineageHeaders.SCHEMA_ID, LineageHeaders.SOURCE, LineageHeaders.UPSTREAM, LineageHeaders.GATE_TIMESTAMP,
            "mesh.connector", "mesh.", "mesh.error.code.x");

    // The registry as the gate may find it: known ids, a refused lookup, and a library that throws an Error.
    private static final SchemaLookup LOOKUP = (subject, id) -> {
        if (id == REFUSED_ID) {
            throw new SchemaRegistryException(403, 40301, "User is denied operation Read on subject " + subject);
        }
        if (id == OVERFLOWING_ID) {
            throw new StackOverflowError();
        }
        return GateHarness.REGISTRY.schemaIn(subject, id);
    };

    private Path stateDir;
    private GateHarness gate;

    @BeforeProperty
    void startGate() throws IOException {
        stateDir = Files.createTempDirectory("hostile-records");
        gate = new GateHarness(stateDir, LOOKUP, LIMITS);
    }

    @AfterProperty
    void closeGate() throws IOException {
        gate.close();
        try (Stream<Path> files = Files.walk(stateDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Property(tries = 3000)
    void everyRecordEndsInExactlyOneTopicWithACode(@ForAll("stagedRecords") Staged staged) {
        gate.input(staged.topic()).pipeInput(new TestRecord<>(staged.key(), staged.value(), staged.headers()));

        List<Routed> routed = gate.drain();
        assertThat(routed).as("records written for one staged record").hasSize(1);
        Routed only = routed.get(0);
        Headers headers = only.record().headers();
        Statistics.label("route").collect(only.deadLetter()
                ? LineageHeaders.get(headers, LineageHeaders.ERROR_CODE).orElse("?")
                : "PASSED");
        assertThat(only.topic()).isIn(expectedDestinations(staged.topic()));
        if (only.deadLetter()) {
            assertThat(headers.headers(LineageHeaders.ERROR_CODE)).hasSize(1);
            assertThat(LineageHeaders.get(headers, LineageHeaders.ERROR_CODE)).get().isIn(CODES);
            assertThat(LineageHeaders.get(headers, LineageHeaders.ERROR_REASON)).get().asString().isNotBlank();
            assertThat(LineageHeaders.get(headers, LineageHeaders.SOURCE)).get().asString().startsWith(staged.topic() + "/0/");
        } else {
            for (Header header : headers) {
                if (header.key().startsWith("mesh.")) {
                    assertThat(header.key()).as("a mesh.* header on a product topic").isIn(GATE_STAMPS);
                    if (!header.key().equals(LineageHeaders.UPSTREAM)) {
                        assertThat(headers.headers(header.key())).as(header.key()).hasSize(1);
                    }
                }
            }
            assertThat(only.record().value() == null || only.record().value().length <= LIMITS.productTopicBytes()).isTrue();
        }
        assertThat(gate.count("mesh.gate.records.in"))
                .isEqualTo(gate.count("mesh.gate.records.out") + gate.count("mesh.gate.records.dlq"));
    }

    @Property(tries = 500)
    void arbitraryControlRecordsNeverStopTheGate(@ForAll("controlValues") byte[] value) {
        // Keys of listed products too: a malformed record must not replace their listings.
        gate.controlInput().pipeInput("pay.payment-settled", value);
        gate.input(PAYMENTS + ".staging").pipeInput(utf8("p-1"), framed(GateHarness.PAYMENT_ID, payment("p-1", "1.00", "EUR")));

        assertThat(gate.drain()).extracting(Routed::topic).containsExactly(PAYMENTS);
    }

    private static Set<String> expectedDestinations(String stagingTopic) {
        if (!LISTED_STAGING.contains(stagingTopic)) {
            return Set.of(MeshTopics.UNLISTED_DLQ);
        }
        ProductNames staging = ProductNames.ofStagingTopic(stagingTopic).orElseThrow();
        return Set.of(staging.topic(), staging.dlqTopic());
    }

    /** A staged record: where it was written, and what. */
    record Staged(String topic, byte[] key, byte[] value, Headers headers) {
        @Override
        public String toString() {
            return topic + " key=" + Arrays.toString(key) + " value=" + (value == null ? "null" : value.length + " bytes " + Arrays.toString(
                    Arrays.copyOf(value, Math.min(value.length, 24)))) + " headers=" + headers;
        }
    }

    @Provide
    Arbitrary<Staged> stagedRecords() {
        Arbitrary<Staged> arbitrary = Combinators.combine(topics(), keys(), values(), headers()).as(Staged::new);
        // Some ids long enough that the record, with the gate's headers, outgrows the product topic's limit.
        Arbitrary<String> paymentIds = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20)),
                Tuple.of(1, Arbitraries.strings().alpha().ofMinLength(900).ofMaxLength(1100)));
        Arbitrary<Staged> goodPayment = Combinators.combine(paymentIds,
                        Arbitraries.of("1.00", "-1.00", "0.00", "12345.67"), Arbitraries.of("EUR", "USD", ""), headers())
                .as((id, amount, currency, headers) -> new Staged(PAYMENTS + ".staging", utf8(id),
                        framed(GateHarness.PAYMENT_ID, payment(id, amount, currency)), headers));
        Arbitrary<Staged> mutatedPayment = Combinators.combine(goodPayment, Arbitraries.integers().between(0, 1000), Arbitraries.bytes())
                .as((staged, at, to) -> {
                    byte[] value = staged.value().clone();
                    value[at % value.length] = to;
                    return new Staged(staged.topic(), staged.key(), value, staged.headers());
                });
        Arbitrary<Staged> goodAccount = Combinators.combine(Arbitraries.strings().alpha().ofMaxLength(10), Arbitraries.of("open", ""), headers())
                .as((id, status, headers) -> new Staged(ACCOUNTS + ".staging", utf8(id),
                        framed(GateHarness.ACCOUNT_ID, account(id, status)), headers));
        return Arbitraries.frequencyOf(Tuple.of(6, arbitrary), Tuple.of(2, goodPayment), Tuple.of(2, mutatedPayment), Tuple.of(1, goodAccount));
    }

    private static Arbitrary<String> topics() {
        Arbitrary<String> odd = Arbitraries.of("ghost.thing.v1.staging", "pay.payment-settled.v0.staging", "pay.payment-settled.v2.staging",
                "a.b.v99999999999.staging", "a.b.v2147483648.staging", "acct.account.v00000000001.staging");
        Arbitrary<String> lower = Arbitraries.strings().withCharRange('a', 'z').withChars('-').ofMinLength(1).ofMaxLength(8)
                .filter(part -> Character.isLetter(part.charAt(0)));
        Arbitrary<String> generated = Combinators.combine(lower, lower, Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(20))
                .as((domain, product, major) -> domain + "." + product + ".v" + major + ".staging")
                // Only names the gate subscribes to reach it; the broker never delivers the others.
                .filter(topic -> ProductNames.STAGING_TOPIC.matcher(topic).matches());
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(LISTED_STAGING)), Tuple.of(2, odd), Tuple.of(1, generated));
    }

    private static Arbitrary<byte[]> keys() {
        Arbitrary<byte[]> text = Arbitraries.of("p-1", "a-1", "").map(HostileRecordsPropertyTest::utf8);
        Arbitrary<byte[]> ledgerKey = Arbitraries.strings().alpha().ofMaxLength(8)
                .map(id -> framed(GateHarness.LEDGER_KEY_ID, GateFixtures.accountKey(id)));
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
        Arbitrary<byte[]> huge = Arbitraries.bytes().array(byte[].class).ofMinSize(3000).ofMaxSize(5000);
        return Arbitraries.frequencyOf(Tuple.of(3, text), Tuple.of(2, ledgerKey), Tuple.of(4, random), Tuple.of(1, huge)).injectNull(0.1);
    }

    private static Arbitrary<byte[]> values() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
        Arbitrary<byte[]> large = Arbitraries.bytes().array(byte[].class).ofMinSize(1500).ofMaxSize(6000);
        Arbitrary<Integer> ids = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(GateHarness.PAYMENT_ID, GateHarness.ACCOUNT_ID,
                GateHarness.LEDGER_KEY_ID, REFUSED_ID, OVERFLOWING_ID)), Tuple.of(1, Arbitraries.integers()));
        Arbitrary<byte[]> framedRandom = Combinators.combine(ids, Arbitraries.bytes().array(byte[].class).ofMaxSize(48))
                .as(HostileRecordsPropertyTest::frame);
        // A length or count that claims far more than the record holds, as the record that stopped the mesh did.
        Arbitrary<byte[]> hostileLength = Combinators.combine(ids, Arbitraries.longs(), Arbitraries.bytes().array(byte[].class).ofMaxSize(16))
                .as((id, length, tail) -> frame(id, concat(zigZagVarint(length), tail)));
        return Arbitraries.frequencyOf(Tuple.of(3, random), Tuple.of(1, large), Tuple.of(4, framedRandom), Tuple.of(3, hostileLength))
                .injectNull(0.05);
    }

    private static Arbitrary<Headers> headers() {
        Arbitrary<String> names = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.of(MESH_NAMES)),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(12).map(suffix -> "mesh." + suffix)),
                Tuple.of(2, Arbitraries.strings().ofMaxLength(12)),
                Tuple.of(1, Arbitraries.of(LineageHeaders.TRACEPARENT)));
        Arbitrary<byte[]> values = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(GateError.values()).map(error -> utf8(error.name()))),
                Tuple.of(3, Arbitraries.bytes().array(byte[].class).ofMaxSize(30))).injectNull(0.1);
        return Combinators.combine(names, values).as(Tuple::of).list().ofMaxSize(8).map(list -> {
            RecordHeaders headers = new RecordHeaders();
            for (Tuple2<String, byte[]> header : list) {
                headers.add(header.get1(), header.get2());
            }
            return headers;
        });
    }

    @Provide
    Arbitrary<byte[]> controlValues() {
        Arbitrary<byte[]> json = Arbitraries.of("{}", "{\"name\": \"pay.payment-settled\"}", "[]", "null", "{\"name\": 1, \"files\": {\"a\": null}}",
                "{\"name\":\"pay.payment-settled\",\"descriptor\":\"x\",\"requestId\":\"r\",\"listedAt\":\"yesterday\"}").map(HostileRecordsPropertyTest::utf8);
        return Arbitraries.oneOf(json, Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(64));
    }

    private static byte[] frame(int id, byte[] body) {
        return ByteBuffer.allocate(5 + body.length).put((byte) 0).putInt(id).put(body).array();
    }

    private static byte[] zigZagVarint(long value) {
        long zigZag = (value << 1) ^ (value >> 63);
        ByteBuffer out = ByteBuffer.allocate(10);
        while ((zigZag & ~0x7FL) != 0) {
            out.put((byte) ((zigZag & 0x7F) | 0x80));
            zigZag >>>= 7;
        }
        out.put((byte) zigZag);
        return Arrays.copyOf(out.array(), out.position());
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
