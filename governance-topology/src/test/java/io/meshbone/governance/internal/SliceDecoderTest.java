package io.meshbone.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

class SliceDecoderTest {

    private static final Schema EVERY_TYPE = new Schema.Parser().parse("""
            {"type": "record", "name": "Every", "fields": [
              {"name": "i", "type": "int"}, {"name": "l", "type": "long"}, {"name": "f", "type": "float"},
              {"name": "d", "type": "double"}, {"name": "b", "type": "boolean"}, {"name": "n", "type": "null"},
              {"name": "s", "type": "string"}, {"name": "raw", "type": "bytes"},
              {"name": "fx", "type": {"type": "fixed", "name": "Four", "size": 4}},
              {"name": "e", "type": {"type": "enum", "name": "Colour", "symbols": ["RED", "GREEN"]}},
              {"name": "u", "type": ["null", "string"]},
              {"name": "list", "type": {"type": "array", "items": {"type": "record", "name": "Item", "fields": [{"name": "v", "type": "long"}]}}},
              {"name": "m", "type": {"type": "map", "values": "int"}}
            ]}""");

    @Test
    void decodesEveryTypeExactlyAsAvroEncodedIt() throws IOException {
        GenericRecord record = every();
        for (boolean blocking : List.of(false, true)) {
            byte[] bytes = encode(record, blocking);
            SliceDecoder decoder = new SliceDecoder().reset(bytes, 0, bytes.length);
            GenericRecord decoded = new GenericDatumReader<GenericRecord>(EVERY_TYPE).read(null, decoder);
            assertThat(decoded).as("blocking encoder: %s", blocking).isEqualTo(record);
            assertThat(decoder.isEnd()).isTrue();
        }
    }

    @Test
    void refusesAnArrayThatDeclaresMoreItemsThanTheRecordHasBytes() {
        Schema nulls = new Schema.Parser().parse("{\"type\": \"array\", \"items\": \"null\"}");
        // 1,000,000 nulls take no bytes each; without a bound, Avro would allocate them all.
        byte[] bytes = {(byte) 0x80, (byte) 0x89, 0x7a, 0};
        SliceDecoder decoder = new SliceDecoder().reset(bytes, 0, bytes.length);
        assertThatThrownBy(() -> new GenericDatumReader<>(nulls).read(null, decoder))
                .isInstanceOf(IOException.class).hasMessageContaining("declares 1000000 items");
    }

    @Test
    void skipsAStringOrBytesWithTheirLengthPrefix() throws IOException {
        // "abc" (length 3 → zig-zag 6), bytes {1, 2} (length 2 → 4), then the int 21 (→ 42).
        byte[] bytes = {6, 'a', 'b', 'c', 4, 1, 2, 42};
        SliceDecoder decoder = new SliceDecoder().reset(bytes, 0, bytes.length);

        decoder.skipString();
        decoder.skipBytes();

        assertThat(decoder.readInt()).isEqualTo(21);
        assertThat(decoder.isEnd()).isTrue();
    }

    @Test
    void refusesBytesLongerThanWhatIsLeft() {
        Schema raw = Schema.create(Schema.Type.BYTES);
        byte[] bytes = {0x14, 1, 2};
        SliceDecoder decoder = new SliceDecoder().reset(bytes, 0, bytes.length);
        assertThatThrownBy(() -> new GenericDatumReader<>(raw).read(null, decoder))
                .isInstanceOf(IOException.class).hasMessageContaining("declares 10 bytes; only 2 are left");
    }

    private static GenericRecord every() {
        GenericRecord record = new GenericData.Record(EVERY_TYPE);
        record.put("i", -123456);
        record.put("l", Long.MIN_VALUE);
        record.put("f", 1.5f);
        record.put("d", -2.25e300);
        record.put("b", true);
        record.put("n", null);
        record.put("s", new org.apache.avro.util.Utf8("grüße"));
        record.put("raw", ByteBuffer.wrap(new byte[] {0, 1, 2, (byte) 255}));
        record.put("fx", new GenericData.Fixed(EVERY_TYPE.getField("fx").schema(), new byte[] {9, 8, 7, 6}));
        record.put("e", new GenericData.EnumSymbol(EVERY_TYPE.getField("e").schema(), "GREEN"));
        record.put("u", new org.apache.avro.util.Utf8("some"));
        Schema item = EVERY_TYPE.getField("list").schema().getElementType();
        GenericData.Array<GenericRecord> list = new GenericData.Array<>(EVERY_TYPE.getField("list").schema(), List.of());
        for (long v = 0; v < 50; v++) {
            GenericRecord entry = new GenericData.Record(item);
            entry.put("v", v * 1_000_003);
            list.add(entry);
        }
        record.put("list", list);
        record.put("m", Map.of(new org.apache.avro.util.Utf8("a"), 1, new org.apache.avro.util.Utf8("b"), -2));
        return record;
    }

    private static byte[] encode(GenericRecord record, boolean blocking) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // The blocking encoder writes arrays and maps in blocks with a negative count and a byte size.
        Encoder encoder = blocking
                ? new EncoderFactory().configureBlockSize(64).blockingBinaryEncoder(out, null)
                : EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(EVERY_TYPE).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
