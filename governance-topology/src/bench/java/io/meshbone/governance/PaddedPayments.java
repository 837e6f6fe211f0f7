package io.meshbone.governance;

import java.util.Map;

import io.meshbone.platform.serde.MeshAvroSerializer;
import org.apache.avro.generic.GenericRecord;

/**
 * Framed {@code payments.payment-settled} values of an exact size: the payment id is lengthened (or shortened) until
 * the record has the size of another example product's record, so one listed product measures every size.
 */
final class PaddedPayments {

    private final MeshAvroSerializer<GenericRecord> serializer = new MeshAvroSerializer<>();

    PaddedPayments(String registryUrl) {
        serializer.configure(Map.of("schema.registry.url", registryUrl, "auto.register.schemas", false,
                "use.latest.version", true), false);
    }

    /** The staged key of record {@code i}: the payment's order id, which the contract's key field check compares. */
    static String orderId(int i) {
        return "order-" + i;
    }

    /** Record {@code i}, {@code size} bytes long, or as short as a payment gets when {@code size} is shorter. */
    byte[] payment(int i, int size) {
        int withoutId = encode(i, "").length;
        // The id's length prefix is one byte up to 63 characters and two above.
        int idLength = Math.max(0, size - withoutId < 64 ? size - withoutId : size - withoutId - 1);
        return encode(i, "p".repeat(idLength));
    }

    private byte[] encode(int i, String paymentId) {
        GenericRecord payment = Payments.payment(orderId(i), "19.99");
        payment.put("paymentId", paymentId);
        return serializer.serialize(BenchMesh.STAGING, payment);
    }
}
