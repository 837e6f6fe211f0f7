package io.meshbone.registry.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.meshbone.localkafka.LocalKafka;
import io.meshbone.platform.registry.SchemaRegistryClient;
import io.meshbone.platform.registry.SchemaRegistryClientSettings;
import io.meshbone.platform.serde.MeshAvroDeserializer;
import io.meshbone.platform.serde.MeshAvroSerializer;
import io.meshbone.registry.SchemaRegistryServer;
import io.meshbone.registry.SchemaRegistrySettings;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Serialize + deserialize throughput of our Confluent-framed serde against raw Avro on the same records.
 *
 * <p>The serde's registry client talks to a real registry on a real in-process broker; its caches are
 * warm after the first record, so the measured loop makes no network call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SerdeBenchmark {

    private static final String TOPIC = "bench.orders";
    private static final Schema SCHEMA = new Schema.Parser().parse("""
            {"type":"record","name":"Order","namespace":"bench","fields":[
              {"name":"orderId","type":"string"},{"name":"customerId","type":"string"},
              {"name":"cents","type":"long"},{"name":"quantity","type":"int"},
              {"name":"currency","type":"string"},{"name":"express","type":"boolean"},
              {"name":"createdAt","type":"long"},{"name":"note","type":["null","string"],"default":null}]}""");

    private LocalKafka kafka;
    private SchemaRegistryServer registry;
    private MeshAvroSerializer<GenericRecord> serializer;
    private MeshAvroDeserializer<GenericRecord> deserializer;
    private GenericRecord[] records;
    private int next;

    private final GenericDatumWriter<GenericRecord> rawWriter = new GenericDatumWriter<>(SCHEMA);
    private final GenericDatumReader<GenericRecord> rawReader = new GenericDatumReader<>(SCHEMA);
    private final ByteArrayOutputStream rawOut = new ByteArrayOutputStream(256);
    private BinaryEncoder rawEncoder;
    private BinaryDecoder rawDecoder;

    @Setup(Level.Trial)
    public void start() {
        kafka = LocalKafka.startSingleNode();
        registry = SchemaRegistryServer.start(SchemaRegistrySettings.defaults(kafka.bootstrapServers())
                .withHost("127.0.0.1").withPort(0));
        SchemaRegistryClient client = new SchemaRegistryClient(SchemaRegistryClientSettings.of(registry.url().toString()));
        Map<String, Object> config = Map.of("schema.registry.url", registry.url().toString());
        serializer = new MeshAvroSerializer<>(client);
        serializer.configure(config, false);
        deserializer = new MeshAvroDeserializer<>(client);
        deserializer.configure(config, false);
        records = new GenericRecord[1024];
        for (int i = 0; i < records.length; i++) {
            GenericRecord record = new GenericData.Record(SCHEMA);
            record.put("orderId", "order-" + i);
            record.put("customerId", "customer-" + (i % 97));
            record.put("cents", 1_000L + i * 37L);
            record.put("quantity", i % 9 + 1);
            record.put("currency", "EUR");
            record.put("express", i % 3 == 0);
            record.put("createdAt", 1_700_000_000_000L + i);
            record.put("note", i % 4 == 0 ? null : "leave at the door");
            records[i] = record;
        }
        deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, records[0]));
    }

    @TearDown(Level.Trial)
    public void stop() {
        registry.close();
        kafka.close();
    }

    private GenericRecord nextRecord() {
        next = (next + 1) & (records.length - 1);
        return records[next];
    }

    @Benchmark
    public GenericRecord rawAvro() throws IOException {
        rawOut.reset();
        rawEncoder = EncoderFactory.get().binaryEncoder(rawOut, rawEncoder);
        rawWriter.write(nextRecord(), rawEncoder);
        rawEncoder.flush();
        byte[] bytes = rawOut.toByteArray();
        rawDecoder = DecoderFactory.get().binaryDecoder(bytes, rawDecoder);
        return rawReader.read(null, rawDecoder);
    }

    @Benchmark
    public GenericRecord meshSerde() {
        return deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, nextRecord()));
    }
}
