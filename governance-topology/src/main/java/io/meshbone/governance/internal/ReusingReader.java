package io.meshbone.governance.internal;

import java.io.IOException;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.Decoder;

/**
 * One schema's Avro reader that decodes each small record into the previous one's record object (and whatever of it
 * Avro reuses, such as arrays), instead of allocating it anew per record: a checked record is read only while it is
 * judged. (Avro's reader still makes new strings and bytes.)
 *
 * <p>Only records of at most {@link #REUSED_BYTES} bytes are kept for reuse, so a reader holds no more than a small
 * record's objects between records, whatever size the records it read were.
 */
final class ReusingReader {

    static final int REUSED_BYTES = 1024;

    private final GenericDatumReader<GenericRecord> reader;
    private GenericRecord reusable;

    ReusingReader(Schema schema) {
        this.reader = new GenericDatumReader<>(schema);
    }

    /** The next record of {@code decoder}, which reads {@code bytes} bytes; valid until the next call. */
    GenericRecord read(Decoder decoder, int bytes) throws IOException {
        GenericRecord previous = reusable;
        // Dropped first: a read that throws half way leaves the record half overwritten.
        reusable = null;
        GenericRecord record = reader.read(previous, decoder);
        reusable = bytes <= REUSED_BYTES ? record : null;
        return record;
    }
}
