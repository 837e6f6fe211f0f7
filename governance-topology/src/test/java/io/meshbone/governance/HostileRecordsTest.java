package io.meshbone.governance;

import static io.meshbone.governance.GateFixtures.framed;
import static io.meshbone.governance.GateFixtures.payment;
import static io.meshbone.governance.GateHarness.PAYMENTS;
import static io.meshbone.governance.GateHarness.PAYMENT_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.meshbone.governance.GateHarness.Routed;
import io.meshbone.governance.internal.ListingStoreUpdater;
import io.meshbone.governance.internal.PatientSchemaLookup;
import io.meshbone.governance.internal.RecordLimits;
import io.meshbone.governance.internal.SchemaLookup;
import io.meshbone.platform.contract.ProductNames;
import io.meshbone.platform.control.MeshTopics;
import io.meshbone.platform.lineage.LineageHeaders;
import io.meshbone.platform.registry.SchemaRegistryException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One record per way of stopping the gate that was tried on a running mesh: each must end in one topic, with a code. */
class HostileRecordsTest {

    // The record that stopped the mesh: a valid frame, then a string whose zig-zag varint length claims 2 GB.
    static final byte[] TWO_GIGABYTE_STRING = {0, 0, 0, 0, PAYMENT_ID, (byte) 0x80, (byte) 0xd0, (byte) 0xac, (byte) 0xf3, 0x0e};

    @TempDir
    Path stateDir;
    private GateHarness gate;

    @AfterEach
    void closeGate() {
        if (gate != null) {
            gate.close();
        }
    }

    @Test
    void shouldDeadLetterAStringThatClaimsTwoGigabytesInATenByteRecord() {
        gate = new GateHarness(stateDir, GateHarness.REGISTRY, RecordLimits.PROVISIONED);
        gate.input(PAYMENTS + ".staging").pipeInput(bytes("p-1"), TWO_GIGABYTE_STRING);
        gate.input(PAYMENTS + ".staging").pipeInput(bytes("p-2"), framed(PAYMENT_ID, payment("p-2", "1.00", "EUR")));

        List<Routed> routed = gate.drain();
        assertThat(routed).extracting(Routed::topic).containsExactlyInAnyOrder(PAYMENTS + ".dlq", PAYMENTS);
        TestRecord<byte[], byte[]> dead = deadLetter(routed);
        assertThat(header(dead, LineageHeaders.ERROR_CODE)).isEqualTo("UNDECODABLE");
        assertThat(header(dead, LineageHeaders.ERROR_REASON)).contains("a string at byte 5 declares 2000000000 bytes; only 0 are left");
    }

    @Test
    void shouldRouteAStagingTopicWhoseMajorIsNotAnIntToTheUnlistedDlq() {
        gate = new GateHarness(stateDir, GateHarness.REGISTRY, RecordLimits.PROVISIONED);
        String topic = "a.b.v99999999999.staging";
        assertThat(ProductNames.STAGING_TOPIC.matcher(topic).matches()).as("the gate subscribes to it").isTrue();

        gate.input(topic).pipeInput(bytes("k"), bytes("v"));

        List<Routed> routed = gate.drain();
        assertThat(routed).extracting(Routed::topic).containsExactly(MeshTopics.UNLISTED_DLQ);
        assertThat(header(routed.get(0).record(), LineageHeaders.ERROR_CODE)).isEqualTo("PRODUCT_NOT_LISTED");
        assertThat(header(routed.get(0).record(), LineageHeaders.ERROR_REASON)).contains(topic).contains("not an int");
    }

    @Test
    void shouldWaitOutARegistryOutageAndThenPassTheRecord() {
        AtomicInteger calls = new AtomicInteger();
        SchemaLookup flaky = (subject, id) -> {
            if (calls.incrementAndGet() == 1) {
                throw new SchemaRegistryException(500, 50001, "Error in the backend data store");
            }
            if (calls.get() == 2) {
                throw new SchemaRegistryException("Cannot reach schema registry http://localhost:8081", new java.net.ConnectException());
            }
            return GateHarness.REGISTRY.schemaIn(subject, id);
        };
        gate = new GateHarness(stateDir, new PatientSchemaLookup(flaky, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(30)),
                RecordLimits.PROVISIONED);

        gate.input(PAYMENTS + ".staging").pipeInput(bytes("p-1"), framed(PAYMENT_ID, payment("p-1", "1.00", "EUR")));

        assertThat(gate.drain()).extracting(Routed::topic).containsExactly(PAYMENTS);
        assertThat(calls).hasValue(3);
    }

    @Test
    void shouldDeadLetterNothingWhenTheRegistryStaysDownButHoldTheRecordBack() {
        SchemaLookup down = (subject, id) -> {
            throw new SchemaRegistryException(503, 50003, "Service Unavailable");
        };
        gate = new GateHarness(stateDir, new PatientSchemaLookup(down, Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(50)),
                RecordLimits.PROVISIONED);

        // In a running gate this replaces the stream thread, which reads the same record again.
        assertThatThrownBy(() -> gate.input(PAYMENTS + ".staging").pipeInput(bytes("p-1"), framed(PAYMENT_ID, payment("p-1", "1.00", "EUR"))))
                .hasStackTraceContaining("Service Unavailable");
        assertThat(gate.drain()).isEmpty();
        assertThat(gate.count("mesh.gate.records.in")).as("not counted until judged").isZero();
    }

    @Test
    void shouldDeadLetterARecordWhoseSchemaLookupTheRegistryRefuses() {
        SchemaLookup forbidden = (subject, id) -> {
            throw new SchemaRegistryException(403, 40301, "User is denied operation Read on subject " + subject);
        };
        gate = new GateHarness(stateDir, PatientSchemaLookup.standard(forbidden), RecordLimits.PROVISIONED);

        gate.input(PAYMENTS + ".staging").pipeInput(bytes("p-1"), framed(PAYMENT_ID, payment("p-1", "1.00", "EUR")));

        List<Routed> routed = gate.drain();
        assertThat(routed).extracting(Routed::topic).containsExactly(PAYMENTS + ".dlq");
        assertThat(header(routed.get(0).record(), LineageHeaders.ERROR_CODE)).isEqualTo("REGISTRY_REFUSED");
        assertThat(header(routed.get(0).record(), LineageHeaders.ERROR_REASON)).contains("HTTP 403").contains("schema id 7");
    }

    @Test
    void shouldDeadLetterARecordThatTheLineageHeadersMakeTooLargeForTheProductTopic() {
        String id = "p-" + "x".repeat(200);
        byte[] value = framed(PAYMENT_ID, payment(id, "1.00", "EUR"));
        int staged = RecordLimits.batchBytes(bytes(id), value, new RecordHeaders());
        gate = new GateHarness(stateDir, GateHarness.REGISTRY, new RecordLimits(staged + 20, staged + 1000));

        gate.input(PAYMENTS + ".staging").pipeInput(bytes(id), value);

        List<Routed> routed = gate.drain();
        assertThat(routed).extracting(Routed::topic).containsExactly(PAYMENTS + ".dlq");
        TestRecord<byte[], byte[]> dead = routed.get(0).record();
        assertThat(header(dead, LineageHeaders.ERROR_CODE)).isEqualTo("RECORD_TOO_LARGE");
        assertThat(header(dead, LineageHeaders.ERROR_REASON)).contains("takes at most " + (staged + 20));
        assertThat(dead.value()).isEqualTo(value);
        assertThat(header(dead, LineageHeaders.PRODUCT)).as("no lineage stamps on a dead letter").isNull();
        assertThat(gate.count("mesh.gate.records.in")).isEqualTo(gate.count("mesh.gate.records.out") + gate.count("mesh.gate.records.dlq"));
    }

    @Test
    void shouldKeepOnlyTheErrorHeadersOfADeadLetterTooLargeForTheDlq() {
        byte[] value = new byte[3000];
        value[0] = 1;
        gate = new GateHarness(stateDir, GateHarness.REGISTRY, new RecordLimits(1000, 1500));

        gate.input(PAYMENTS + ".staging").pipeInput(bytes("p-1"), value);

        TestRecord<byte[], byte[]> dead = gate.drain().get(0).record();
        assertThat(header(dead, LineageHeaders.ERROR_CODE)).isEqualTo("BAD_MAGIC_BYTE");
        assertThat(header(dead, LineageHeaders.ERROR_REASON)).contains("left out");
        assertThat(header(dead, LineageHeaders.SOURCE)).isEqualTo(PAYMENTS + ".staging/0/0");
        assertThat(dead.value()).isNull();
    }

    @Test
    void shouldDeadLetterARecordWhoseCheckThrowsAnErrorAndGoOn() {
        SchemaLookup overflowing = (subject, id) -> {
            if (id == 66) {
                throw new StackOverflowError();
            }
            return GateHarness.REGISTRY.schemaIn(subject, id);
        };
        gate = new GateHarness(stateDir, overflowing, RecordLimits.PROVISIONED);

        gate.input(PAYMENTS + ".staging").pipeInput(bytes("p-1"), new byte[] {0, 0, 0, 0, 66, 2, 'x'});
        gate.input(PAYMENTS + ".staging").pipeInput(bytes("p-2"), framed(PAYMENT_ID, payment("p-2", "1.00", "EUR")));

        List<Routed> routed = gate.drain();
        assertThat(routed).extracting(Routed::topic).containsExactlyInAnyOrder(PAYMENTS + ".dlq", PAYMENTS);
        assertThat(header(deadLetter(routed), LineageHeaders.ERROR_CODE)).isEqualTo("CHECK_FAILED");
        assertThat(header(deadLetter(routed), LineageHeaders.ERROR_REASON)).contains("java.lang.StackOverflowError");
    }

    @Test
    void shouldStripForgedMeshHeadersAndCountAReplayedDeadLetterOnceAsOut() {
        gate = new GateHarness(stateDir, GateHarness.REGISTRY, RecordLimits.PROVISIONED);
        RecordHeaders forged = new RecordHeaders();
        for (String name : List.of(LineageHeaders.ERROR_CODE, LineageHeaders.ERROR_REASON, LineageHeaders.PRODUCT, LineageHeaders.DOMAIN,
                LineageHeaders.SCHEMA_ID, LineageHeaders.SOURCE, LineageHeaders.GATE_TIMESTAMP, "mesh.connector", "mesh.anything")) {
            forged.add(name, bytes("forged"));
        }
        forged.add(LineageHeaders.UPSTREAM, bytes("orders.order-placed"));
        forged.add("x-trace", bytes("kept"));

        gate.input(PAYMENTS + ".staging").pipeInput(new TestRecord<>(bytes("p-1"), framed(PAYMENT_ID, payment("p-1", "1.00", "EUR")), forged));

        List<Routed> routed = gate.drain();
        assertThat(routed).extracting(Routed::topic).containsExactly(PAYMENTS);
        TestRecord<byte[], byte[]> out = routed.get(0).record();
        assertThat(header(out, LineageHeaders.ERROR_CODE)).isNull();
        assertThat(header(out, LineageHeaders.ERROR_REASON)).isNull();
        assertThat(header(out, "mesh.connector")).isNull();
        assertThat(header(out, "mesh.anything")).isNull();
        assertThat(header(out, LineageHeaders.PRODUCT)).isEqualTo("pay.payment-settled");
        assertThat(header(out, LineageHeaders.SOURCE)).isEqualTo(PAYMENTS + ".staging/0/0");
        assertThat(header(out, LineageHeaders.UPSTREAM)).isEqualTo("orders.order-placed");
        assertThat(header(out, "x-trace")).isEqualTo("kept");
        assertThat(out.headers().headers(LineageHeaders.PRODUCT)).hasSize(1);
        assertThat(gate.count("mesh.gate.records.out")).isEqualTo(1.0);
        assertThat(gate.count("mesh.gate.records.dlq")).isZero();
    }

    @Test
    void shouldSendAFailingRecordWithAForgedNotListedCodeToTheProductsOwnDlq() {
        gate = new GateHarness(stateDir, GateHarness.REGISTRY, RecordLimits.PROVISIONED);
        RecordHeaders forged = new RecordHeaders();
        forged.add(LineageHeaders.ERROR_CODE, bytes("PRODUCT_NOT_LISTED"));

        gate.input(PAYMENTS + ".staging").pipeInput(new TestRecord<>(bytes("p-1"), new byte[] {9}, forged));

        List<Routed> routed = gate.drain();
        assertThat(routed).extracting(Routed::topic).containsExactly(PAYMENTS + ".dlq");
        assertThat(routed.get(0).record().headers().headers(LineageHeaders.ERROR_CODE)).hasSize(1);
        assertThat(header(routed.get(0).record(), LineageHeaders.ERROR_CODE)).isEqualTo("NOT_FRAMED");
    }

    @Test
    void shouldSkipAndCountMalformedControlRecordsAndKeepGating() {
        gate = new GateHarness(stateDir, GateHarness.REGISTRY, RecordLimits.PROVISIONED);

        gate.controlInput().pipeInput("pay.payment-settled", bytes("{not json"));
        gate.controlInput().pipeInput("acct.account", bytes("{\"name\": null}"));
        gate.controlInput().pipeInput("ghost.thing", new byte[] {(byte) 0xff, 0, 1});
        gate.input(PAYMENTS + ".staging").pipeInput(bytes("p-1"), framed(PAYMENT_ID, payment("p-1", "1.00", "EUR")));

        assertThat(gate.meters.counter(ListingStoreUpdater.SKIPPED_METER, "topic", MeshTopics.PRODUCTS).count()).isEqualTo(3.0);
        assertThat(gate.drain()).extracting(Routed::topic).as("the last good listing stands").containsExactly(PAYMENTS);
    }

    // HostileControlPlaneIT found it: a listing with name, descriptor and requestId but a broken contract, or another
    // product's name, replaced the good listing, and every record of the product was dead-lettered CHECK_FAILED.
    @Test
    void shouldSkipListingsWithABrokenContractOrAnotherNameAndKeepTheLastGoodOne() {
        gate = new GateHarness(stateDir, GateHarness.REGISTRY, RecordLimits.PROVISIONED);

        gate.controlInput().pipeInput("pay.payment-settled", bytes("{\"name\": \"pay.payment-settled\", \"descriptor\": \"spec: 1\", \"requestId\": \"r\"}"));
        gate.controlInput().pipeInput("pay.payment-settled", bytes("{\"name\": \"x\", \"descriptor\": \"spec: 1\", \"requestId\": \"r\"}"));
        gate.input(PAYMENTS + ".staging").pipeInput(bytes("p-1"), framed(PAYMENT_ID, payment("p-1", "1.00", "EUR")));

        assertThat(gate.meters.counter(ListingStoreUpdater.SKIPPED_METER, "topic", MeshTopics.PRODUCTS).count()).isEqualTo(2.0);
        assertThat(gate.drain()).extracting(Routed::topic).as("the last good listing stands").containsExactly(PAYMENTS);
    }

    private static TestRecord<byte[], byte[]> deadLetter(List<Routed> routed) {
        return routed.stream().filter(Routed::deadLetter).findFirst().orElseThrow().record();
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        return LineageHeaders.get(record.headers(), name).orElse(null);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
