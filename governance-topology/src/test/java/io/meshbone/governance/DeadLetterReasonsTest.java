package io.meshbone.governance;

import static io.meshbone.governance.GateFixtures.PAYMENT_AVSC;
import static io.meshbone.governance.GateFixtures.framed;
import static io.meshbone.governance.GateFixtures.payment;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import io.meshbone.governance.internal.RecordLimits;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.platform.lineage.LineageHeaders;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dead-letter reasons name fields and what was expected, never the values the record held. */
class DeadLetterReasonsTest {

    private static final String SECRET_KEY = "key-secret-4711";
    private static final String SECRET_ID = "id-secret-0815";
    private static final String SECRET_CURRENCY = "CURRENCY-SECRET";

    @TempDir
    Path stateDir;
    private GateHarness gate;

    @BeforeEach
    void start() {
        gate = new GateHarness(stateDir, GateHarness.REGISTRY, RecordLimits.PROVISIONED);
    }

    @AfterEach
    void stop() {
        gate.close();
    }

    @Test
    void aKeyMismatchNamesTheKeyFieldButQuotesNeitherTheKeyNorTheFieldsValue() {
        gate.input(GateHarness.PAYMENTS + ".staging").pipeInput(bytes(SECRET_KEY), framed(GateHarness.PAYMENT_ID,
                payment(SECRET_ID, "1.00", "EUR")));
        String reason = onlyReason("KEY_MISMATCH");
        assertThat(reason).contains("paymentId").doesNotContain(SECRET_KEY).doesNotContain(SECRET_ID);
    }

    @Test
    void aKeyMismatchOnANullKeyStillQuotesNoValue() {
        gate.input(GateHarness.PAYMENTS + ".staging").pipeInput(null, framed(GateHarness.PAYMENT_ID,
                payment(SECRET_ID, "1.00", "EUR")));
        assertThat(onlyReason("KEY_MISMATCH")).contains("paymentId").doesNotContain(SECRET_ID);
    }

    @Test
    void aRuleThatCannotBeEvaluatedKeepsTheFieldsValueOutOfItsReason() throws Exception {
        String descriptor = GateFixtures.paymentDescriptor("pay", "1.0.0")
                .replace("value.amount > 0", "int(value.currency) > 0");
        gate.controlInput().pipeInput("pay.payment-settled", MeshJson.write(GateFixtures.listing("pay.payment-settled",
                descriptor, "payment-settled.avsc", PAYMENT_AVSC, GateHarness.PAYMENT_ID)).getBytes(StandardCharsets.UTF_8));
        gate.input(GateHarness.PAYMENTS + ".staging").pipeInput(bytes("p-1"), framed(GateHarness.PAYMENT_ID,
                payment("p-1", "1.00", SECRET_CURRENCY)));
        String reason = onlyReason("QUALITY_RULE_ERROR");
        assertThat(reason).contains("int(value.currency) > 0").doesNotContain(SECRET_CURRENCY);
    }

    @Test
    void everyDeadLetterOfAHostileBatchQuotesNoValueItHeld() {
        var staging = gate.input(GateHarness.ACCOUNTS + ".staging");
        staging.pipeInput(bytes(SECRET_KEY), framed(GateHarness.ACCOUNT_ID, GateFixtures.account(SECRET_ID, "open")));
        staging.pipeInput(bytes(SECRET_ID), framed(GateHarness.ACCOUNT_ID, GateFixtures.account(SECRET_ID, "")));
        staging.pipeInput(bytes(SECRET_KEY), SECRET_ID.getBytes(StandardCharsets.UTF_8));
        List<GateHarness.Routed> dead = gate.drain().stream().filter(GateHarness.Routed::deadLetter).toList();
        assertThat(dead).hasSize(3);
        for (GateHarness.Routed routed : dead) {
            assertThat(header(routed, LineageHeaders.ERROR_REASON)).isNotBlank()
                    .doesNotContain(SECRET_KEY).doesNotContain(SECRET_ID);
        }
    }

    private String onlyReason(String code) {
        List<GateHarness.Routed> dead = gate.drain().stream().filter(GateHarness.Routed::deadLetter).toList();
        assertThat(dead).hasSize(1);
        assertThat(header(dead.get(0), LineageHeaders.ERROR_CODE)).isEqualTo(code);
        return header(dead.get(0), LineageHeaders.ERROR_REASON);
    }

    private static String header(GateHarness.Routed routed, String name) {
        Header header = routed.record().headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
