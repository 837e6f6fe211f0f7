package io.meshbone.platform.serde.internal;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/** A per-thread growable buffer and reusable Avro encoder, so serializing allocates only the result array. */
public final class OutputBuffer extends ByteArrayOutputStream {

    private static final ThreadLocal<OutputBuffer> LOCAL = ThreadLocal.withInitial(OutputBuffer::new);

    private BinaryEncoder encoder;

    private OutputBuffer() {
        super(256);
    }

    /** This thread's buffer, emptied, with room reserved for the 5-byte header. */
    public static OutputBuffer local() {
        OutputBuffer buffer = LOCAL.get();
        buffer.reset();
        buffer.count = WireFormat.HEADER_SIZE;
        return buffer;
    }

    public BinaryEncoder encoder() {
        encoder = EncoderFactory.get().directBinaryEncoder(this, encoder);
        return encoder;
    }

    /** The framed record: header with {@code id}, then what was written. */
    public byte[] framed(int id) {
        byte[] result = Arrays.copyOf(buf, count);
        WireFormat.writeHeader(result, id);
        return result;
    }
}
