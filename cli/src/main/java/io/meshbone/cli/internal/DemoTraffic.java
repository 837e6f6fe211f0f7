package io.meshbone.cli.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.KeySpec;
import io.meshbone.platform.serde.MeshAvroSerializer;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes realistic shop traffic to the staging topics of the example source products, a few records a second.
 *
 * <p>About one order in forty has no items, so the record gate dead-letters it and the catalog has a DLQ reason to show.
 */
public final class DemoTraffic implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DemoTraffic.class);
    private static final List<String> COUNTRIES = List.of("DE", "FR", "NL", "SE", "US", "GB");
    private static final List<String> NAMES = List.of("Ada Lovelace", "Alan Turing", "Grace Hopper", "Edsger Dijkstra",
            "Barbara Liskov", "Donald Knuth", "Frances Allen", "John Backus");

    private final Map<String, DataProduct> products;
    private final KafkaProducer<String, GenericRecord> producer;
    private final Random random = new Random();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "meshbone-demo-traffic");
        t.setDaemon(true);
        return t;
    });
    private long sequence;

    private DemoTraffic(Map<String, Object> clientConfig, String registryUrl, Map<String, DataProduct> products) {
        this.products = products;
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put("schema.registry.url", registryUrl);
        config.put("auto.register.schemas", false);
        config.put("use.latest.version", true);
        config.put("linger.ms", 20);
        MeshAvroSerializer<GenericRecord> serializer = new MeshAvroSerializer<>();
        serializer.configure(config, false);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), serializer);
    }

    /** Starts publishing to whichever of the source products are in {@code products}, by product name. */
    public static DemoTraffic start(Map<String, Object> clientConfig, String registryUrl, Map<String, DataProduct> products) {
        DemoTraffic traffic = new DemoTraffic(clientConfig, registryUrl, products);
        traffic.timer.scheduleAtFixedRate(traffic::tickQuietly, 0, 200, TimeUnit.MILLISECONDS);
        return traffic;
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("Demo traffic tick failed: {}", e.toString());
        }
    }

    private void tick() {
        long now = System.currentTimeMillis();
        String customerId = "cust-" + (1 + random.nextInt(500));
        String orderId = "ord-" + now + "-" + (sequence++);
        if (sequence % 5 == 0) {
            send("customers.customer-profile", profile(customerId, now));
        }
        send("orders.order-placed", order(orderId, customerId, now));
        send("orders.order-status", status(orderId, now));
        if (random.nextInt(3) > 0) {
            send("payments.payment-settled", payment(orderId, now));
        }
    }

    private void send(String name, java.util.function.Function<Schema, GenericRecord> build) {
        DataProduct product = products.get(name);
        if (product == null) {
            return;
        }
        GenericRecord value = build.apply(product.spec().value().schema());
        String key = product.spec().key().orElse(null) instanceof KeySpec.FieldKey f ? String.valueOf(value.get(f.field())) : null;
        producer.send(new ProducerRecord<>(product.names().stagingTopic(), key, value));
    }

    private java.util.function.Function<Schema, GenericRecord> order(String orderId, String customerId, long now) {
        return schema -> {
            GenericRecord r = new GenericData.Record(schema);
            r.put("orderId", orderId);
            r.put("customerId", customerId);
            r.put("placedAt", now);
            r.put("currency", "EUR");
            r.put("totalAmount", money(schema, "totalAmount", 5 + random.nextInt(400)));
            r.put("itemCount", random.nextInt(40) == 0 ? 0 : 1 + random.nextInt(6));
            r.put("channel", enumSymbol(schema, "channel", List.of("WEB", "MOBILE", "STORE").get(random.nextInt(3))));
            return r;
        };
    }

    private java.util.function.Function<Schema, GenericRecord> status(String orderId, long now) {
        return schema -> {
            GenericRecord r = new GenericData.Record(schema);
            r.put("orderId", orderId);
            r.put("status", enumSymbol(schema, "status", List.of("PLACED", "PAID", "SHIPPED").get(random.nextInt(3))));
            r.put("updatedAt", now);
            r.put("reason", null);
            return r;
        };
    }

    private java.util.function.Function<Schema, GenericRecord> payment(String orderId, long now) {
        return schema -> {
            GenericRecord r = new GenericData.Record(schema);
            r.put("paymentId", "pay-" + orderId);
            r.put("orderId", orderId);
            r.put("amount", money(schema, "amount", 5 + random.nextInt(400)));
            r.put("currency", "EUR");
            r.put("method", enumSymbol(schema, "method", List.of("CARD", "BANK_TRANSFER", "WALLET").get(random.nextInt(3))));
            r.put("settledAt", now);
            return r;
        };
    }

    private java.util.function.Function<Schema, GenericRecord> profile(String customerId, long now) {
        return schema -> {
            String name = NAMES.get(random.nextInt(NAMES.size()));
            GenericRecord r = new GenericData.Record(schema);
            r.put("customerId", customerId);
            r.put("fullName", name);
            r.put("email", name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@example.com");
            r.put("phone", "+4930" + (1_000_000 + random.nextInt(8_999_999)));
            r.put("country", COUNTRIES.get(random.nextInt(COUNTRIES.size())));
            r.put("createdAt", now - 86_400_000L * (1 + random.nextInt(900)));
            r.put("updatedAt", now);
            return r;
        };
    }

    private java.nio.ByteBuffer money(Schema schema, String field, int euros) {
        Schema s = schema.getField(field).schema();
        BigDecimal amount = BigDecimal.valueOf(euros * 100L + random.nextInt(100), 2).setScale(2, RoundingMode.UNNECESSARY);
        return new Conversions.DecimalConversion().toBytes(amount, s, s.getLogicalType());
    }

    private static GenericData.EnumSymbol enumSymbol(Schema schema, String field, String symbol) {
        return new GenericData.EnumSymbol(schema.getField(field).schema(), symbol);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
