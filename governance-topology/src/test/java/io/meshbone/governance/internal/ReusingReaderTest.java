package io.meshbone.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

class ReusingReaderTest {

    private static final Schema SCHEMA = new Schema.Parser().parse("""
            {"type": "record", "name": "R", "fields": [{"name": "id", "type": "string"},
              {"name": "tags", "type": {"type": "array", "items": "string"}}]}""");

    private final ReusingReader reader = new ReusingReader(SCHEMA);
    private final SliceDecoder decoder = new SliceDecoder();

    @Test
    void decodesEachSmallRecordIntoThePreviousOnesObjects() throws IOException {
        GenericRecord first = read(encode("a-longer-id", "x", "y"));
        assertThat(first.get("id")).hasToString("a-longer-id");
        GenericRecord second = read(encode("b", "z"));

        assertThat(second).isSameAs(first);
        assertThat(second.get("id")).hasToString("b");
        assertThat(second.get("tags")).asList().extracting(Object::toString).containsExactly("z");
    }

    @Test
    void keepsNoLargeRecordNorOneWhoseDecodeFailed() throws IOException {
        GenericRecord large = read(encode("x".repeat(ReusingReader.REUSED_BYTES)));
        assertThat(read(encode("b"))).isNotSameAs(large);

        GenericRecord small = read(encode("c"));
        byte[] truncated = encode("a-longer-id", "x");
        decoder.reset(truncated, 0, truncated.length - 2);
        assertThatThrownBy(() -> reader.read(decoder, truncated.length - 2)).isInstanceOf(IOException.class);
        GenericRecord after = read(encode("d"));
        assertThat(after).isNotSameAs(small);
        assertThat(after.get("id")).hasToString("d");
    }

    private GenericRecord read(byte[] bytes) throws IOException {
        decoder.reset(bytes, 0, bytes.length);
        GenericRecord record = reader.read(decoder, bytes.length);
        assertThat(decoder.isEnd()).isTrue();
        return record;
    }

    private static byte[] encode(String id, String... tags) throws IOException {
        GenericRecord record = new GenericData.Record(SCHEMA);
        record.put("id", id);
        record.put("tags", java.util.List.of(tags));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Encoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(SCHEMA).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
