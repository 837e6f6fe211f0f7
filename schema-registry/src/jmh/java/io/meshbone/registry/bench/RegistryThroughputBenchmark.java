package io.meshbone.registry.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.meshbone.localkafka.LocalKafka;
import io.meshbone.registry.SchemaRegistryServer;
import io.meshbone.registry.SchemaRegistrySettings;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Registrations and lookups per second through one or two registry instances sharing one
 * {@code _schemas} topic, each beside the floor it cannot beat in the same run: a registration is
 * at least one Kafka transaction of one record (the store's single writer commits one per write), a
 * lookup at least one HTTP round trip to the same server ({@code GET /}).
 *
 * <p>Requests go through {@link HttpClient}, not our registry client, whose caches would answer
 * lookups without asking the server. Four threads send at once, spread over the instances as behind a
 * load balancer: with two instances about half the registrations reach the one that is not the writer,
 * which forwards them. Registrations waiting at the same moment share one transaction (group commit),
 * so a registration can beat the floor of one transaction per write.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(4)
public class RegistryThroughputBenchmark {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final int LOOKUP_SCHEMAS = 100;
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    @Param({"1", "2"})
    public int instances;

    private final AtomicLong sequence = new AtomicLong();
    private LocalKafka kafka;
    private final List<SchemaRegistryServer> registries = new ArrayList<>();
    private final List<URI> urls = new ArrayList<>();
    private HttpClient http;
    private KafkaProducer<String, String> transactions;
    private String transactionTopic;
    private final List<Integer> lookupIds = new ArrayList<>();

    @Setup(Level.Trial)
    public void start() throws IOException, InterruptedException {
        kafka = LocalKafka.startSingleNode();
        for (int i = 0; i < instances; i++) {
            SchemaRegistryServer server = SchemaRegistryServer.start(SchemaRegistrySettings.defaults(kafka.bootstrapServers())
                    .withHost("127.0.0.1").withPort(0));
            registries.add(server);
            urls.add(server.url());
        }
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        for (int i = 0; i < LOOKUP_SCHEMAS; i++) {
            lookupIds.add(register(urls.get(0), "bench.lookups-" + i + "-value"));
        }
        transactionTopic = "bench.transactions";
        transactions = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        transactions.initTransactions();
    }

    @TearDown(Level.Trial)
    public void stop() {
        transactions.close();
        registries.forEach(SchemaRegistryServer::close);
        kafka.close();
    }

    /** A new schema (a record with a field no earlier one had) under a fresh subject, on any instance. */
    @Benchmark
    public int register() throws IOException, InterruptedException {
        return register(anyInstance(), "bench.register-" + sequence.incrementAndGet() + "-value");
    }

    /** One transaction of one record, committed; single-threaded like the store's writer: what one write per transaction would cost. */
    @Benchmark
    public void kafkaTransactionOfOneRecord() {
        synchronized (transactions) {
            transactions.beginTransaction();
            transactions.send(new ProducerRecord<>(transactionTopic, "k", "v"));
            transactions.commitTransaction();
        }
    }

    /** {@code GET /schemas/ids/{id}} for a stored schema, on any instance. */
    @Benchmark
    public String lookupById() throws IOException, InterruptedException {
        int id = lookupIds.get(ThreadLocalRandom.current().nextInt(lookupIds.size()));
        return get(anyInstance().resolve("/schemas/ids/" + id));
    }

    /** The floor of {@link #lookupById()}: {@code GET /} on the same server. */
    @Benchmark
    public String httpRoundTrip() throws IOException, InterruptedException {
        return get(anyInstance().resolve("/"));
    }

    private URI anyInstance() {
        return urls.get(ThreadLocalRandom.current().nextInt(urls.size()));
    }

    private int register(URI registry, String subject) throws IOException, InterruptedException {
        String field = "f" + sequence.incrementAndGet();
        String schema = "{\"type\":\"record\",\"name\":\"Bench\",\"namespace\":\"bench\",\"fields\":[{\"name\":\"" + field
                + "\",\"type\":\"long\"}]}";
        String body = "{\"schema\":\"" + schema.replace("\"", "\\\"") + "\"}";
        HttpRequest request = HttpRequest.newBuilder(registry.resolve("/subjects/" + subject + "/versions"))
                .header("Content-Type", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("register " + subject + ": HTTP " + response.statusCode() + " " + response.body());
        }
        Matcher id = ID.matcher(response.body());
        if (!id.find()) {
            throw new IllegalStateException("register " + subject + ": no id in " + response.body());
        }
        return Integer.parseInt(id.group(1));
    }

    private String get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
