package io.meshbone.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshbone.connect.ConnectClient;
import io.meshbone.connect.replication.ReplicationRoute;
import io.meshbone.localkafka.LocalKafkaSettings;
import io.meshbone.platform.security.CredentialStore;
import io.meshbone.platform.security.MeshCredentials;
import io.meshbone.platform.security.MeshPrincipals;
import io.meshbone.platform.serde.MeshAvroSerializer;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code up --isolated --secure --no-demo} in process: both clusters secure with one credentials folder, a payment
 * on the exchange's product topic copied to eu by MirrorMaker logged in as {@code User:mirror}, read there by a
 * principal the copy's grants name, refused to one they do not, and no way in without SASL.
 */
class IsolatedSecureMeshIT {

    private static final Duration WAIT = Duration.ofSeconds(150);
    private static final String PAYMENTS = "payments.payment-settled.v1";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void copiesAProductToTheSecureEuClusterAsTheMirrorPrincipal(@TempDir Path dataDir) throws Exception {
        CredentialStore store = CredentialStore.in(dataDir);
        LocalKafkaSettings free = new LocalKafkaSettings(1, "localhost", 0, null, Map.of())
                .withSecurity(store.ensure(MeshPrincipals.ADMIN).password());
        List<String> progress = new ArrayList<>();
        IsolatedMesh.Settings settings = new IsolatedMesh.Settings(free, free, 0, 0, 0, false, progress::add, store);
        try (IsolatedMesh mesh = IsolatedMesh.start(settings, () -> false)) {
            String eu = mesh.topology().cluster("eu").orElseThrow().bootstrapServers();
            String exchange = mesh.topology().exchange().bootstrapServers();
            assertThat(mesh.credentialsDirectory()).isEqualTo(store.directory());
            assertThat(store.file(MeshPrincipals.MIRROR)).exists();
            assertThat(progress).anyMatch(line -> line.startsWith("replicate  exchange -> eu") && line.endsWith("as User:mirror"));
            assertThat(mesh.listed().get("eu")).contains("customers.customer-profile", "shipping.delivery-request");
            assertThat(mesh.listed().get("exchange")).contains("orders.order-placed", "payments.payment-settled");

            // Written straight to the product topic as the gate, its only writer: this is about the copy, not the gate.
            String paymentId = "pay-" + UUID.randomUUID();
            MeshCredentials owner = store.ensure(MeshPrincipals.team("payments"));
            publishPayment(exchange, mesh, store.ensure(MeshPrincipals.GATE), paymentId);
            assertThat(keys(exchange, owner)).contains(paymentId);
            // The copy's readers are the product's: its owner reads it on eu, as at home.
            URI connectorStatus = mesh.connectUrl("eu").resolve("/connectors/"
                    + new ReplicationRoute("exchange", "eu").connectorName() + "/status");
            String connect = store.ensure(MeshPrincipals.CONNECT).userInfo();
            await().atMost(WAIT).untilAsserted(() -> assertThat(keys(eu, owner))
                    .as(() -> "copied to eu; connector " + body(connectorStatus, connect)).contains(paymentId));

            // A principal the product does not name reads nothing there.
            assertThatThrownBy(() -> keys(eu, store.ensure(MeshPrincipals.team("customers"))))
                    .isInstanceOf(TopicAuthorizationException.class);
            refusesPlaintext(eu);

            ConnectClient euWorker = new ConnectClient(mesh.connectUrl("eu"),
                    Optional.of(store.ensure(MeshPrincipals.CONNECT).userInfo()));
            Map<String, String> connector = euWorker.config(new ReplicationRoute("exchange", "eu").connectorName()).orElseThrow();
            String mirrorPassword = store.ensure(MeshPrincipals.MIRROR).password();
            assertThat(connector.get("producer.override.sasl.jaas.config")).startsWith("${file:")
                    .endsWith("mirror.properties:sasl.jaas.config}");
            assertThat(connector.toString()).doesNotContain(mirrorPassword);
            assertThat(status(mesh.connectUrl("eu").resolve("/connectors"), null)).isEqualTo(401);

            // MirrorMaker wrote the hop to eu's _mesh.lineage; the catalog reads it there with its own login.
            URI catalog = URI.create(line(mesh, "catalog.url="));
            String teamOrders = store.ensure(MeshPrincipals.team("orders")).userInfo();
            assertThat(status(catalog.resolve("/api/lineage"), null)).isEqualTo(401);
            await().atMost(WAIT).untilAsserted(() -> assertThat(get(catalog.resolve("/api/lineage"), teamOrders)
                    .path("edges").toString()).contains("mirror:exchange->eu"));
        }
    }

    /** Writes one payment, Avro as the product's subject has it, to the product topic on the exchange as {@code writer}. */
    private static void publishPayment(String exchange, IsolatedMesh mesh, MeshCredentials writer, String paymentId) throws Exception {
        Map<String, Object> config = new HashMap<>(writer.clientConfig());
        config.put("bootstrap.servers", exchange);
        config.put("schema.registry.url", line(mesh, "schema.registry.url="));
        config.put("auto.register.schemas", false);
        config.put("use.latest.version", true);
        config.put("acks", "all");
        MeshAvroSerializer<GenericRecord> values = new MeshAvroSerializer<>();
        values.configure(config, false);
        try (KafkaProducer<byte[], GenericRecord> producer = new KafkaProducer<>(config, new ByteArraySerializer(), values)) {
            producer.send(new ProducerRecord<>(PAYMENTS, paymentId.getBytes(StandardCharsets.UTF_8),
                    payment(paymentId))).get(30, TimeUnit.SECONDS);
        }
    }

    private static GenericRecord payment(String paymentId) throws Exception {
        Schema schema = new Schema.Parser().parse(Path.of("..", "schemas", "payments", "payment-settled.avsc").toFile());
        GenericRecord record = new GenericData.Record(schema);
        record.put("paymentId", paymentId);
        record.put("orderId", "ord-" + paymentId);
        Schema amount = schema.getField("amount").schema();
        record.put("amount", new Conversions.DecimalConversion().toBytes(new BigDecimal("12.50"), amount, amount.getLogicalType()));
        record.put("currency", "EUR");
        record.put("method", new GenericData.EnumSymbol(schema.getField("method").schema(), "WALLET"));
        record.put("settledAt", System.currentTimeMillis());
        return record;
    }

    /** The keys of the payments product on {@code bootstrap}, read from the start as {@code principal} (no group). */
    private static List<String> keys(String bootstrap, MeshCredentials principal) {
        Map<String, Object> config = new HashMap<>(principal.kafkaClientConfig());
        config.put("bootstrap.servers", bootstrap);
        config.put("isolation.level", "read_committed");
        List<String> keys = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(PAYMENTS, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(PAYMENTS, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    keys.add(record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8));
                }
            }
        }
        return keys;
    }

    /** A client without SASL never gets an answer from the secure eu listener. */
    private static void refusesPlaintext(String eu) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", eu, "request.timeout.ms", 3000,
                "default.api.timeout.ms", 5000))) {
            assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
        }
    }

    private static String line(IsolatedMesh mesh, String prefix) {
        return mesh.lines().stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow().substring(prefix.length());
    }

    private static int status(URI uri, String userInfo) throws Exception {
        return send(uri, userInfo).statusCode();
    }

    private static JsonNode get(URI uri, String userInfo) throws Exception {
        HttpResponse<String> response = send(uri, userInfo);
        assertThat(response.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    /** The answer's body, or what went wrong getting it: for failure messages. */
    private static String body(URI uri, String userInfo) {
        try {
            return send(uri, userInfo).body();
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static HttpResponse<String> send(URI uri, String userInfo) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
        if (userInfo != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
