package io.meshbone.platform.serde.internal;

import java.io.OutputStream;
import java.util.Arrays;

import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * A per-thread growable buffer and reusable buffered Avro encoder, so serializing allocates only
 * the result array. Unlike {@code ByteArrayOutputStream} its writes are not synchronized.
 */
public final class OutputBuffer extends OutputStream {

    private static final ThreadLocal<OutputBuffer> LOCAL = ThreadLocal.withInitial(OutputBuffer::new);

    private byte[] buf = new byte[512];
    private int count;
    private BinaryEncoder encoder;

    private OutputBuffer() {
    }

    /** This thread's buffer, emptied, with room reserved for the 5-byte header. */
    public static OutputBuffer local() {
        OutputBuffer buffer = LOCAL.get();
        buffer.count = WireFormat.HEADER_SIZE;
        return buffer;
    }

    public BinaryEncoder encoder() {
        encoder = EncoderFactory.get().binaryEncoder(this, encoder);
        return encoder;
    }

    @Override
    public void write(int b) {
        ensure(1);
        buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int off, int len) {
        ensure(len);
        System.arraycopy(bytes, off, buf, count, len);
        count += len;
    }

    private void ensure(int more) {
        if (count + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + more));
        }
    }

    /** The framed record: header with {@code id}, then what was written (call after flushing the encoder). */
    public byte[] framed(int id) {
        byte[] result = Arrays.copyOf(buf, count);
        WireFormat.writeHeader(result, id);
        return result;
    }
}
