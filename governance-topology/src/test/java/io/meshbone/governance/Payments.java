package io.meshbone.governance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;

import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** payments.payment-settled records, built on the example contract's own schema. */
final class Payments {

    static final Path SCHEMAS_DIR = Path.of("..", "schemas");
    static final Schema SCHEMA = parse();

    private Payments() {
    }

    /** A payment keyed (by the contract's key field) by {@code orderId}. */
    static GenericRecord payment(String orderId, String amount) {
        GenericRecord record = new GenericData.Record(SCHEMA);
        record.put("paymentId", "pay-" + orderId);
        record.put("orderId", orderId);
        Schema amountSchema = SCHEMA.getField("amount").schema();
        record.put("amount", new Conversions.DecimalConversion().toBytes(new BigDecimal(amount), amountSchema, amountSchema.getLogicalType()));
        record.put("currency", "EUR");
        record.put("method", new GenericData.EnumSymbol(SCHEMA.getField("method").schema(), "CARD"));
        record.put("settledAt", System.currentTimeMillis());
        return record;
    }

    private static Schema parse() {
        try {
            return new Schema.Parser().parse(SCHEMAS_DIR.resolve("payments").resolve("payment-settled.avsc").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
