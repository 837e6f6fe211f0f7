package io.meshbone.platform.serde.internal;

import org.apache.kafka.common.errors.SerializationException;

/** Confluent's framing: byte 0 is the magic byte 0, bytes 1–4 the schema id big-endian, then the Avro body. */
public final class WireFormat {

    public static final byte MAGIC = 0;
    public static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    public static void writeHeader(byte[] target, int id) {
        target[0] = MAGIC;
        target[1] = (byte) (id >>> 24);
        target[2] = (byte) (id >>> 16);
        target[3] = (byte) (id >>> 8);
        target[4] = (byte) id;
    }

    /** Checks the header and answers the schema id, or says exactly what is wrong with the bytes. */
    public static int readId(String topic, byte[] bytes) {
        if (bytes.length < HEADER_SIZE) {
            throw new SerializationException("Record on topic '" + topic + "' is " + bytes.length
                    + " bytes, too short for the 5-byte Confluent header (magic byte 0 + 4-byte schema id)");
        }
        if (bytes[0] != MAGIC) {
            throw new SerializationException("Record on topic '" + topic + "' has unknown magic byte " + bytes[0]
                    + "; expected 0 (Confluent wire format)");
        }
        return ((bytes[1] & 0xff) << 24) | ((bytes[2] & 0xff) << 16) | ((bytes[3] & 0xff) << 8) | (bytes[4] & 0xff);
    }
}
