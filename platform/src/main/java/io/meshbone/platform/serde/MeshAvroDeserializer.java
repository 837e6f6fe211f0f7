package io.meshbone.platform.serde;

import java.io.EOFException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.meshbone.platform.registry.SchemaRegistryClient;
import io.meshbone.platform.registry.SchemaRegistryException;
import io.meshbone.platform.serde.internal.WireFormat;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent-framed Avro into a {@code GenericRecord}, or into the generated
 * {@code SpecificRecord} class when {@code specific.avro.reader=true}.
 *
 * <p>Bad bytes raise a {@link SerializationException} that says which fault it is: too short for
 * the header, wrong magic byte, unknown schema id, or a truncated or corrupt Avro body. Writer
 * schemas and datum readers are cached per id; the decoder is reused per thread.
 */
public class MeshAvroDeserializer<T> implements Deserializer<T> {

    private static final ThreadLocal<BinaryDecoder> DECODER = new ThreadLocal<>();

    private SchemaRegistryClient client;
    private MeshAvroSerdeConfig config;
    private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();
    private volatile CachedReader last;

    private record CachedReader(int id, DatumReader<Object> reader) {
    }

    /** For Kafka's reflective construction; {@link #configure} creates the registry client. */
    public MeshAvroDeserializer() {
    }

    /** Uses an existing client (sharing its caches); {@link #configure} must still be called. */
    public MeshAvroDeserializer(SchemaRegistryClient client) {
        this.client = client;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = new MeshAvroSerdeConfig(configs);
        if (client == null) {
            client = new SchemaRegistryClient(config.clientSettings());
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        int id = WireFormat.readId(topic, bytes);
        DatumReader<Object> reader = reader(topic, id);
        BinaryDecoder reuse = DECODER.get();
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, WireFormat.HEADER_SIZE,
                bytes.length - WireFormat.HEADER_SIZE, reuse);
        if (decoder != reuse) {
            DECODER.set(decoder);
        }
        try {
            return (T) reader.read(null, decoder);
        } catch (EOFException e) {
            throw new SerializationException("Truncated Avro body on topic '" + topic + "': " + (bytes.length - 5)
                    + " bytes after the header end before the record written with schema id " + id + " does", e);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new SerializationException("Corrupt Avro body on topic '" + topic + "' for schema id " + id + ": " + e, e);
        }
    }

    private DatumReader<Object> reader(String topic, int id) {
        CachedReader cached = last;
        if (cached != null && cached.id() == id) {
            return cached.reader();
        }
        DatumReader<Object> reader = readers.get(id);
        if (reader == null) {
            reader = createReader(topic, id);
            readers.put(id, reader);
        }
        last = new CachedReader(id, reader);
        return reader;
    }

    @SuppressWarnings("unchecked")
    private DatumReader<Object> createReader(String topic, int id) {
        if (config == null) {
            throw new IllegalStateException("MeshAvroDeserializer used before configure()");
        }
        Schema writer;
        try {
            writer = new Schema.Parser().parse(client.schemaById(id));
        } catch (SchemaRegistryException e) {
            String what = e.errorCode() == 40403 ? "Unknown schema id " + id : "Cannot fetch schema id " + id;
            throw new SerializationException(what + " for a record on topic '" + topic + "': " + e.getMessage(), e);
        }
        if (!config.specificReader()) {
            return new GenericDatumReader<>(writer, writer, GenericData.get());
        }
        Class<?> type = SpecificData.get().getClass(writer);
        if (type == null || type == Object.class) {
            throw new SerializationException("specific.avro.reader=true but no generated class " + writer.getFullName()
                    + " is on the classpath (schema id " + id + ")");
        }
        Schema readerSchema = SpecificData.get().getSchema(type);
        return (DatumReader<Object>) (DatumReader<?>) new SpecificDatumReader<>(writer, readerSchema, SpecificData.get());
    }

    @Override
    public void close() {
        readers.clear();
        last = null;
    }
}
