package io.meshbone.governance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.meshbone.platform.contract.ProductNames;
import io.meshbone.platform.control.ContractClient;
import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.ListedProduct;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/** Test contracts and Confluent-framed records for the gate tests. */
final class GateFixtures {

    static final String PAYMENT_AVSC = """
            {"type": "record", "name": "PaymentSettled", "namespace": "test.payments",
             "fields": [
               {"name": "paymentId", "type": "string", "doc": "Payment id."},
               {"name": "amount", "type": {"type": "bytes", "logicalType": "decimal", "precision": 12, "scale": 2}, "doc": "Amount."},
               {"name": "currency", "type": "string", "doc": "ISO 4217 code."}
             ]}""";

    static final String ACCOUNT_AVSC = """
            {"type": "record", "name": "Account", "namespace": "test.accounts",
             "fields": [
               {"name": "accountId", "type": "string", "doc": "Account id."},
               {"name": "status", "type": "string", "doc": "Status."}
             ]}""";

    static final Schema PAYMENT = new Schema.Parser().parse(PAYMENT_AVSC);
    static final Schema ACCOUNT = new Schema.Parser().parse(ACCOUNT_AVSC);

    private GateFixtures() {
    }

    /** An event product keyed by paymentId, with a DLQ rule and a warn rule. */
    static String paymentDescriptor(String domain, String version) {
        return """
                apiVersion: meshbone/v1
                kind: DataProduct
                metadata:
                  name: payment-settled
                  domain: %s
                  owner: team-payments@example.com
                  description: Settled payments.
                spec:
                  version: %s
                  type: event
                  key: {field: paymentId}
                  value: {schema: payment-settled.avsc}
                  compatibility: BACKWARD
                  classification: internal
                  partitions: 2
                  retention: 7d
                  inputs: []
                  quality:
                    - {name: positive-amount, rule: "value.amount > 0", onFailure: dlq}
                    - {name: euro-only, rule: "value.currency == 'EUR'", onFailure: warn}
                """.formatted(domain, version);
    }

    /** An entity product keyed by accountId. */
    static String accountDescriptor(String domain) {
        return """
                apiVersion: meshbone/v1
                kind: DataProduct
                metadata:
                  name: account
                  domain: %s
                  owner: team-accounts@example.com
                  description: Accounts, latest state.
                spec:
                  version: 1.0.0
                  type: entity
                  key: {field: accountId}
                  value: {schema: account.avsc}
                  compatibility: BACKWARD
                  classification: internal
                  partitions: 1
                  quality:
                    - {name: status-ratio, rule: "size(value.status) / size(value.status) == 1", onFailure: dlq}
                """.formatted(domain);
    }

    static final String ACCOUNT_KEY_AVSC = """
            {"type": "record", "name": "AccountKey", "namespace": "test.accounts",
             "fields": [{"name": "accountId", "type": "string", "doc": "Account id."}]}""";

    static final Schema ACCOUNT_KEY = new Schema.Parser().parse(ACCOUNT_KEY_AVSC);

    /** An entity product keyed by a Confluent-framed Avro key. */
    static String avroKeyedDescriptor(String domain) {
        return """
                apiVersion: meshbone/v1
                kind: DataProduct
                metadata:
                  name: ledger
                  domain: %s
                  owner: team-accounts@example.com
                  description: Ledger entries by Avro key.
                spec:
                  version: 1.0.0
                  type: entity
                  key: {schema: account-key.avsc}
                  value: {schema: account.avsc}
                  compatibility: BACKWARD
                  classification: internal
                  partitions: 1
                """.formatted(domain);
    }

    static ListedProduct avroKeyedListing(String name, int valueId, int keyId) {
        return new ListedProduct(name, "ledger.product.yaml", avroKeyedDescriptor(name.substring(0, name.indexOf('.'))),
                Map.of("account.avsc", ACCOUNT_AVSC, "account-key.avsc", ACCOUNT_KEY_AVSC), valueId, keyId,
                "req-" + name, "User:test", Instant.now(), false);
    }

    static GenericRecord accountKey(String id) {
        GenericRecord record = new GenericData.Record(ACCOUNT_KEY);
        record.put("accountId", id);
        return record;
    }

    /**
     * Lists {@link #paymentDescriptor} in {@code domain} through the real contract gate (its files written under
     * {@code dir}), as {@code User:<domain>}; answers the product's names, or fails with the gate's reasons.
     */
    static ProductNames listPayments(Map<String, Object> kafkaConfig, Path dir, String domain) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(domain));
        Path descriptor = folder.resolve("payment-settled.product.yaml");
        Files.writeString(descriptor, paymentDescriptor(domain, "1.0.0"));
        Files.writeString(folder.resolve("payment-settled.avsc"), PAYMENT_AVSC);
        try (ContractClient contracts = new ContractClient(kafkaConfig)) {
            Decision decision = contracts.apply(ContractClient.request(descriptor, domain + "/payment-settled.product.yaml",
                    "User:" + domain), Duration.ofSeconds(60));
            if (decision.outcome() != Decision.Outcome.ACCEPTED) {
                throw new AssertionError(domain + ".payment-settled was not listed: " + decision.outcome() + " " + decision.reasons());
            }
        }
        return new ProductNames(domain, "payment-settled", 1);
    }

    static ListedProduct listing(String name, String descriptor, String file, String avsc, int valueId) {
        return new ListedProduct(name, name + ".product.yaml", descriptor, Map.of(file, avsc), valueId, null,
                "req-" + name + "-" + valueId, "User:test", Instant.now(), false);
    }

    static GenericRecord payment(String id, String amount, String currency) {
        GenericRecord record = new GenericData.Record(PAYMENT);
        record.put("paymentId", id);
        Schema amountSchema = PAYMENT.getField("amount").schema();
        record.put("amount", new Conversions.DecimalConversion().toBytes(new BigDecimal(amount), amountSchema, amountSchema.getLogicalType()));
        record.put("currency", currency);
        return record;
    }

    static GenericRecord account(String id, String status) {
        GenericRecord record = new GenericData.Record(ACCOUNT);
        record.put("accountId", id);
        record.put("status", status);
        return record;
    }

    /** Confluent wire format: magic 0, the id big-endian, the Avro binary body. */
    static byte[] framed(int schemaId, GenericRecord record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.writeBytes(ByteBuffer.allocate(4).putInt(schemaId).array());
        try {
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
