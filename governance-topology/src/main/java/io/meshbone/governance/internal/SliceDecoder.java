package io.meshbone.governance.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

import org.apache.avro.io.Decoder;
import org.apache.avro.util.Utf8;

/**
 * An Avro binary decoder over one byte slice that refuses any length the slice cannot hold, before allocating it.
 *
 * <p>Avro's own {@code BinaryDecoder} allocates a string's, bytes' or collection's declared length first and reads
 * it after; its only guards are JVM-wide system properties. A 10-byte record claiming a 2 GB string would cost
 * 2 GB. Here a string or bytes may declare no more than the bytes left, and the items of all arrays and maps
 * together no more than the slice's length, so decoding a record costs memory in proportion to its size.
 */
final class SliceDecoder extends Decoder {

    private byte[] bytes;
    private int position;
    private int end;
    private long itemBudget;

    /** Points this decoder at {@code bytes[offset, offset + length)}; decoders are reused per stream task. */
    SliceDecoder reset(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.position = offset;
        this.end = offset + length;
        this.itemBudget = length;
        return this;
    }

    /** The index in {@link #bytes()} of the next byte to read. */
    int position() {
        return position;
    }

    /** The array the slice is in. */
    byte[] bytes() {
        return bytes;
    }

    /**
     * Skips a string or bytes (checked as {@link #readString(Utf8)} checks it) and answers where its bytes start; they
     * end at {@link #position()}.
     */
    int skipLengthPrefixed(String what) throws IOException {
        int length = declaredLength(what);
        int start = position;
        position += length;
        return start;
    }

    /** True when every byte of the slice was read. */
    boolean isEnd() {
        return position == end;
    }

    @Override
    public void readNull() {
    }

    @Override
    public boolean readBoolean() throws IOException {
        require(1, "a boolean");
        return bytes[position++] == 1;
    }

    @Override
    public int readInt() throws IOException {
        long value = readVarLong(5, "an int");
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IOException("invalid int encoding at byte " + position + ": " + value + " does not fit an int");
        }
        return (int) value;
    }

    @Override
    public long readLong() throws IOException {
        return readVarLong(10, "a long");
    }

    @Override
    public float readFloat() throws IOException {
        require(4, "a float");
        int bits = (bytes[position] & 0xff) | (bytes[position + 1] & 0xff) << 8
                | (bytes[position + 2] & 0xff) << 16 | (bytes[position + 3] & 0xff) << 24;
        position += 4;
        return Float.intBitsToFloat(bits);
    }

    @Override
    public double readDouble() throws IOException {
        require(8, "a double");
        long bits = 0;
        for (int i = 7; i >= 0; i--) {
            bits = bits << 8 | (bytes[position + i] & 0xff);
        }
        position += 8;
        return Double.longBitsToDouble(bits);
    }

    @Override
    public Utf8 readString(Utf8 old) throws IOException {
        int length = declaredLength("a string");
        Utf8 result = old != null ? old : new Utf8();
        result.setByteLength(length);
        System.arraycopy(bytes, position, result.getBytes(), 0, length);
        position += length;
        return result;
    }

    @Override
    public String readString() throws IOException {
        return readString(null).toString();
    }

    @Override
    public void skipString() throws IOException {
        // Not "position += declaredLength(…)": Java reads position before the call has moved it past the length.
        int length = declaredLength("a string");
        position += length;
    }

    @Override
    public ByteBuffer readBytes(ByteBuffer old) throws IOException {
        int length = declaredLength("bytes");
        ByteBuffer result = ByteBuffer.wrap(Arrays.copyOfRange(bytes, position, position + length));
        position += length;
        return result;
    }

    @Override
    public void skipBytes() throws IOException {
        // Not "position += declaredLength(…)": Java reads position before the call has moved it past the length.
        int length = declaredLength("bytes");
        position += length;
    }

    @Override
    public void readFixed(byte[] target, int start, int length) throws IOException {
        require(length, "a fixed of " + length + " bytes");
        System.arraycopy(bytes, position, target, start, length);
        position += length;
    }

    @Override
    public void skipFixed(int length) throws IOException {
        require(length, "a fixed of " + length + " bytes");
        position += length;
    }

    @Override
    public int readEnum() throws IOException {
        return readInt();
    }

    @Override
    public long readArrayStart() throws IOException {
        return blockCount("an array");
    }

    @Override
    public long arrayNext() throws IOException {
        return blockCount("an array");
    }

    @Override
    public long skipArray() throws IOException {
        return skipBlocks("an array");
    }

    @Override
    public long readMapStart() throws IOException {
        return blockCount("a map");
    }

    @Override
    public long mapNext() throws IOException {
        return blockCount("a map");
    }

    @Override
    public long skipMap() throws IOException {
        return skipBlocks("a map");
    }

    @Override
    public int readIndex() throws IOException {
        return readInt();
    }

    /** A block's item count; a negative count is followed by the block's byte size, which reading does not need. */
    private long blockCount(String what) throws IOException {
        long count = readLong();
        if (count < 0) {
            if (count == Long.MIN_VALUE) {
                throw new IOException(what + " block at byte " + position + " declares an invalid item count");
            }
            count = -count;
            readLong();
        }
        if (count > itemBudget || count > end - position) {
            throw new IOException(what + " block at byte " + position + " declares " + count + " items; "
                    + (end - position) + " bytes are left, and a record of " + (end - position) + " bytes cannot hold more items than that");
        }
        itemBudget -= count;
        return count;
    }

    /** Skips whole blocks whose byte size is given; answers the item count of the first block that must be walked. */
    private long skipBlocks(String what) throws IOException {
        while (true) {
            long count = readLong();
            if (count >= 0) {
                if (count > itemBudget || count > end - position) {
                    throw new IOException(what + " block at byte " + position + " declares " + count + " items; only "
                            + (end - position) + " bytes are left");
                }
                itemBudget -= count;
                return count;
            }
            long size = readLong();
            if (size < 0 || size > end - position) {
                throw new IOException(what + " block at byte " + position + " declares " + size + " bytes; only "
                        + (end - position) + " are left");
            }
            position += (int) size;
        }
    }

    private int declaredLength(String what) throws IOException {
        int at = position;
        long length = readLong();
        if (length < 0) {
            throw new IOException(what + " at byte " + at + " declares a negative length, " + length);
        }
        if (length > end - position) {
            throw new IOException(what + " at byte " + at + " declares " + length + " bytes; only " + (end - position)
                    + " are left");
        }
        return (int) length;
    }

    private long readVarLong(int maxBytes, String what) throws IOException {
        int at = position;
        long raw = 0;
        for (int shift = 0, read = 0; read < maxBytes; shift += 7, read++) {
            require(1, what);
            int b = bytes[position++] & 0xff;
            raw |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return (raw >>> 1) ^ -(raw & 1);
            }
        }
        throw new IOException("invalid " + what.substring(what.indexOf(' ') + 1) + " encoding at byte " + at
                + ": more than " + maxBytes + " bytes");
    }

    private void require(int count, String what) throws EOFException {
        if (count < 0 || count > end - position) {
            throw new EOFException("the record ends at byte " + end + " inside " + what + " at byte " + position);
        }
    }
}
