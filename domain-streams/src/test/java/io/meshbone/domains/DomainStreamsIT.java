package io.meshbone.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.meshbone.domains.demo.DemoGenerator;
import io.meshbone.domains.dsl.ProductCatalog;
import io.meshbone.domains.dsl.TopicSpec;
import io.meshbone.domains.raw.RawCheckout;
import io.meshbone.domains.raw.RawPayment;
import io.meshbone.domains.raw.RawProfileChange;
import io.meshbone.domains.raw.RawStatus;
import io.meshbone.domains.raw.RawTopics;
import io.meshbone.governance.Governance;
import io.meshbone.governance.GovernanceSettings;
import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.platform.lineage.LineageHeaders;
import io.meshbone.platform.control.ContractClient;
import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.platform.control.MeshTopics;
import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.registry.SchemaRegistryServer;
import io.meshbone.registry.SchemaRegistrySettings;
import io.meshbone.schemas.customers.CustomerHistory;
import io.meshbone.schemas.customers.CustomerProfile;
import io.meshbone.schemas.orders.OrderPlaced;
import io.meshbone.schemas.orders.OrderState;
import io.meshbone.schemas.orders.OrderStatus;
import io.meshbone.schemas.orders.RevenueByHour;
import io.meshbone.schemas.orders.RevenueHour;
import io.meshbone.schemas.payments.PaymentSettled;
import io.meshbone.schemas.shipping.DeliveryRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every domain app on a real broker, behind the real record gate and registry, with the example contracts applied.
 *
 * <p>The hand-made scenario is published and its hour closed in {@code @BeforeAll}: its events are hours old, so they
 * must be through the windows before anything stamped now (the demo generator) moves stream time past them. Its ids
 * carry this run's prefix and its checks read only those, so the tests run alone or in any order.
 */
@ExtendWith(SharedKafka.class)
class DomainStreamsIT {

    private static final Path SCHEMAS = Path.of("..", "schemas");
    private static final List<String> CONTRACTS = List.of("customers/customer-profile", "orders/order-placed",
            "payments/payment-settled", "customers/customer-history", "orders/order-status", "orders/revenue-by-hour",
            "shipping/delivery-request");
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Instant HOUR = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
    private static final String RUN = "r" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private static final AtomicInteger TICKS = new AtomicInteger();

    private static KafkaCluster kafka;
    private static SchemaRegistryServer registry;
    private static Governance governance;
    private static DomainApps apps;
    private static ProductCatalog catalog;
    private static final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeAll
    static void startMesh(KafkaCluster cluster) throws Exception {
        kafka = cluster;
        registry = SchemaRegistryServer.start(SchemaRegistrySettings.defaults(kafka.bootstrapServers()).withPort(0));
        governance = Governance.start(new GovernanceSettings(kafka.clientConfig(), registry.url().toString(),
                Files.createTempDirectory("domains-it-gate-"), new SimpleMeterRegistry(), Duration.ofSeconds(30)));
        await().atMost(WAIT).until(governance::running);
        try (ContractClient contracts = new ContractClient(kafka.clientConfig())) {
            for (String contract : CONTRACTS) {
                Path descriptor = SCHEMAS.resolve(contract + ".product.yaml");
                Decision decision = contracts.apply(ContractClient.request(descriptor, contract + ".product.yaml", "User:examples"),
                        Duration.ofSeconds(60));
                assertThat(decision.outcome()).as("%s: %s", contract, decision.reasons()).isEqualTo(Decision.Outcome.ACCEPTED);
            }
        }
        apps = DomainApps.start(kafka.clientConfig(), registry.url().toString(), Files.createTempDirectory("domains-it-apps-"), meters);
        await().atMost(WAIT).until(apps::running);
        catalog = ProductCatalog.listed(kafka.clientConfig(), registry.url().toString(), Duration.ofSeconds(30));
        publishScenarioAndCloseItsHour();
    }

    private static void publishScenarioAndCloseItsHour() throws Exception {
        try (KafkaProducer<String, String> producer = rawProducer();
             TopicRecords<String, CustomerProfile> profiles = reader("customers.customer-profile");
             TopicRecords<String, OrderPlaced> placed = reader("orders.order-placed");
             TopicRecords<RevenueHour, RevenueByHour> revenue = reader("orders.revenue-by-hour")) {
            send(producer, RawTopics.PROFILE_CHANGES, id("c-1"), new RawProfileChange(id("c-1"), "UPSERT", "Ada Lovelace", "ada@example.com", null, "GB", HOUR));
            send(producer, RawTopics.PROFILE_CHANGES, id("c-2"), new RawProfileChange(id("c-2"), "UPSERT", "Alan Turing", "alan@example.com", null, "GB", HOUR));
            send(producer, RawTopics.PROFILE_CHANGES, id("c-1"), new RawProfileChange(id("c-1"), "UPSERT", null, "ada@engine.org", null, null, HOUR.plusSeconds(60)));
            await().atMost(WAIT).untilAsserted(() -> assertThat(ours(profiles.poll())).extracting(r -> r.value().getEmail().toString())
                    .contains("alan@example.com", "ada@engine.org"));

            send(producer, RawTopics.CHECKOUT, id("o-1"), checkout("o-1", "c-1", HOUR.plusSeconds(600), " eur ", "10.00", false));
            send(producer, RawTopics.CHECKOUT, id("o-1"), checkout("o-1", "c-1", HOUR.plusSeconds(660), " eur ", "10.00", false));
            send(producer, RawTopics.CHECKOUT, id("o-2"), checkout("o-2", "c-2", HOUR.plusSeconds(700), "EUR", "99.00", true));
            send(producer, RawTopics.CHECKOUT, id("o-3"), checkout("o-3", "c-2", HOUR.plusSeconds(900), "€", "5.50", false));
            send(producer, RawTopics.CHECKOUT, id("o-5"), checkout("o-5", "c-2", HOUR.plusSeconds(960), "EUR", "2.00", false, "APAC"));
            send(producer, RawTopics.PAYMENTS, id("p-1"), new RawPayment(id("p-1"), id("o-1"), new BigDecimal("10.00"), "EUR", "card", "SETTLED", HOUR.plusSeconds(1200)));
            send(producer, RawTopics.STATUS, id("o-1"), new RawStatus(id("o-1"), "SHIPPED", HOUR.plusSeconds(1800), null));
            await().atMost(WAIT).untilAsserted(() -> assertThat(keys(ours(placed.poll()))).containsExactlyInAnyOrder(id("o-1"), id("o-3"), id("o-5")));
            // A later EUR order moves event time past the hour and its grace, so the hour's final revenue is emitted.
            send(producer, RawTopics.CHECKOUT, id("o-4"), checkout("o-4", "c-1", HOUR.plus(Duration.ofHours(2)), "EUR", "1.00", false));
            await().atMost(WAIT).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                tick(producer);
                assertThat(scenarioHours(revenue.poll())).hasSize(2);
            });
        }
    }

    // Streams looks for closed windows at most once a second, when a record arrives, and each task only by its own
    // stream time: keep records coming for every region's partition of the repartition topic.
    private static void tick(KafkaProducer<String, String> producer) throws IOException {
        for (String region : List.of("EMEA", "APAC")) {
            String tick = "tick-" + TICKS.incrementAndGet();
            send(producer, RawTopics.CHECKOUT, id(tick), checkout(tick, "c-1",
                    HOUR.plus(Duration.ofHours(2)).plusSeconds(TICKS.get()), "EUR", "1.00", false, region));
        }
    }

    @AfterAll
    static void stopMesh() {
        if (apps != null) {
            apps.close();
        }
        if (governance != null) {
            governance.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void runsEveryDomainThroughTheGateWithLineage() throws Exception {
        try (KafkaProducer<String, String> producer = rawProducer();
             TopicRecords<String, CustomerProfile> profiles = reader("customers.customer-profile");
             TopicRecords<String, CustomerHistory> history = reader("customers.customer-history");
             TopicRecords<String, OrderPlaced> placed = reader("orders.order-placed");
             TopicRecords<String, PaymentSettled> payments = reader("payments.payment-settled");
             TopicRecords<String, OrderStatus> statuses = reader("orders.order-status");
             TopicRecords<RevenueHour, RevenueByHour> revenue = reader("orders.revenue-by-hour");
             TopicRecords<String, DeliveryRequest> deliveries = reader("shipping.delivery-request");
             TopicRecords<byte[], byte[]> dlq = new TopicRecords<>(kafka.clientConfig(), "orders.revenue-by-hour.v2.dlq",
                     new ByteArrayDeserializer(), new ByteArrayDeserializer())) {

            await().atMost(WAIT).untilAsserted(() -> assertThat(ours(profiles.poll()))
                    .extracting(p -> p.value().getEmail().toString()).contains("alan@example.com", "ada@engine.org"));
            await().atMost(WAIT).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                assertThat(dlq.poll()).extracting(r -> LineageHeaders.get(r.headers(), LineageHeaders.ERROR_REASON).orElse("")).isEmpty();
                tick(producer);
                List<ConsumerRecord<RevenueHour, RevenueByHour>> hours = scenarioHours(revenue.poll());
                assertThat(hours).extracting(r -> r.key().getHourStart(), r -> r.key().getRegion().toString(),
                                r -> r.key().getCurrency().toString(), r -> r.value().getRevenue(), r -> r.value().getOrderCount())
                        .containsExactlyInAnyOrder(tuple(HOUR, "EMEA", "EUR", new BigDecimal("15.50"), 2L),
                                tuple(HOUR, "APAC", "EUR", new BigDecimal("2.00"), 1L));
                assertThat(hours).allSatisfy(r -> assertThat(upstream(r)).containsExactly("orders.order-placed"));
            });
            await().atMost(WAIT).untilAsserted(() -> {
                List<ConsumerRecord<String, DeliveryRequest>> requests = deliveries.poll();
                assertThat(keys(requests)).contains(id("o-1"), id("o-3"), id("o-4"), id("o-5")).doesNotContain(id("o-2"));
                assertThat(requests).filteredOn(r -> r.key().equals(id("o-1"))).singleElement()
                        .satisfies(r -> assertThat(r.value().getEmail().toString()).isEqualTo("ada@engine.org"))
                        .satisfies(r -> assertThat(upstream(r)).containsExactlyInAnyOrder("orders.order-placed", "customers.customer-profile"))
                        .satisfies(r -> assertThat(LineageHeaders.get(r.headers(), LineageHeaders.PRODUCT)).contains("shipping.delivery-request"));
            });
            List<ConsumerRecord<String, OrderPlaced>> orders = ours(placed.poll());
            assertThat(keys(orders)).filteredOn(k -> k.startsWith(id("o-"))).containsExactlyInAnyOrder(id("o-1"), id("o-3"), id("o-4"), id("o-5"));
            assertThat(values(orders)).extracting(o -> o.getCurrency().toString()).containsOnly("EUR");
            assertThat(orders).filteredOn(r -> r.key().equals(id("o-5"))).singleElement()
                    .satisfies(r -> assertThat(r.value().getRegion()).hasToString("APAC"));
            assertThat(orders).allSatisfy(r -> assertThat(upstream(r)).isEmpty());
            await().atMost(WAIT).untilAsserted(() -> assertThat(keys(ours(payments.poll()))).containsExactly(id("o-1")));
            await().atMost(WAIT).untilAsserted(() -> {
                List<ConsumerRecord<String, OrderStatus>> all = statuses.poll();
                assertThat(all).filteredOn(r -> r.key().equals(id("o-1"))).last()
                        .satisfies(r -> assertThat(r.value().getStatus()).isEqualTo(OrderState.SHIPPED))
                        .satisfies(r -> assertThat(upstream(r)).containsExactly("orders.order-placed", "payments.payment-settled"));
            });
            await().atMost(WAIT).untilAsserted(() -> assertThat(history.poll()).filteredOn(r -> r.key().equals(id("c-1")))
                    .extracting(r -> r.value().getVersion(), r -> r.value().getValidTo() != null)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, false), org.assertj.core.groups.Tuple.tuple(1L, true),
                            org.assertj.core.groups.Tuple.tuple(2L, false)));
        }
        assertThat(catalog.product("shipping.delivery-request").spec().inputs())
                .containsExactlyInAnyOrder("orders.order-placed", "customers.customer-profile");
        assertLineageEventsLinkOrdersAndCustomersToShipping();
        assertThat(meters.getMeters()).as("Kafka Streams metrics of every app")
                .extracting(meter -> meter.getId().getTag("domain.app"))
                .containsAll(DomainApps.all().stream().map(DomainApp::applicationId).toList());
    }

    @Test
    void demoGeneratorFeedsTheDomains() throws Exception {
        try (TopicRecords<String, PaymentSettled> payments = reader("payments.payment-settled");
             DemoGenerator demo = DemoGenerator.start(kafka.clientConfig(), 20)) {
            int before = payments.poll().size();
            await().atMost(WAIT).untilAsserted(() -> assertThat(payments.poll().size()).isGreaterThan(before + 5));
            assertThat(demo.eventsSent()).isGreaterThan(5);
        }
    }

    private static void assertLineageEventsLinkOrdersAndCustomersToShipping() {
        try (TopicRecords<String, String> lineage = new TopicRecords<>(kafka.clientConfig(), MeshTopics.LINEAGE,
                new StringDeserializer(), new StringDeserializer())) {
            await().atMost(WAIT).untilAsserted(() -> {
                List<Map<?, ?>> events = lineage.poll().stream().<Map<?, ?>>map(r -> json(r.value())).toList();
                assertThat(events).anySatisfy(e -> assertThat(job(e)).isEqualTo("shipping-delivery-requests"));
                Map<?, ?> shipping = events.stream().filter(e -> job(e).equals("shipping-delivery-requests")).findFirst().orElseThrow();
                assertThat(datasets(shipping, "inputs")).containsExactlyInAnyOrder("orders.order-placed.v1", "customers.customer-profile.v1");
                assertThat(datasets(shipping, "outputs")).containsExactly("shipping.delivery-request.v1.staging");
                assertThat(events).filteredOn(e -> job(e).equals("orders-refinement"))
                        .anySatisfy(e -> assertThat(datasets(e, "outputs")).containsExactly("orders.order-placed.v1.staging"));
                assertThat(events).filteredOn(e -> job(e).equals("customers-profile"))
                        .anySatisfy(e -> assertThat(datasets(e, "outputs")).containsExactly("customers.customer-profile.v1.staging"));
                // The gate links each staging topic to its product topic, closing the path orders → shipping and customers → shipping.
                assertThat(events).anySatisfy(e -> assertThat(datasets(e, "inputs")).contains("orders.order-placed.v1.staging",
                        "customers.customer-profile.v1.staging", "shipping.delivery-request.v1.staging"));
            });
        }
    }

    private static <K, V> TopicRecords<K, V> reader(String product) {
        TopicSpec<K, V> topic = io.meshbone.domains.dsl.MeshStreams.on(new org.apache.kafka.streams.StreamsBuilder(), catalog)
                .product(product);
        return new TopicRecords<>(kafka.clientConfig(), topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }

    private static <V> void send(KafkaProducer<String, String> producer, TopicSpec<String, V> topic, String key, V value) throws IOException {
        producer.send(new ProducerRecord<>(topic.name(), key, MeshJson.write(value)));
        producer.flush();
    }

    private static RawCheckout checkout(String orderId, String customerId, Instant at, String currency, String total, boolean test) {
        return checkout(orderId, customerId, at, currency, total, test, " emea");
    }

    private static RawCheckout checkout(String orderId, String customerId, Instant at, String currency, String total, boolean test,
                                        String region) {
        return new RawCheckout(id(orderId), id(customerId), at, currency, new BigDecimal(total), 2, "web", test, region);
    }

    /** This run's name for a scenario id, so records of other runs and of the demo generator are told apart. */
    private static String id(String scenarioId) {
        return RUN + scenarioId;
    }

    private static <K, V> List<ConsumerRecord<K, V>> ours(List<ConsumerRecord<K, V>> records) {
        return records.stream().filter(r -> String.valueOf(r.key()).startsWith(RUN)).toList();
    }

    /** The revenue of the scenario's hour; ticks and the demo generator close later hours of their own. */
    private static List<ConsumerRecord<RevenueHour, RevenueByHour>> scenarioHours(List<ConsumerRecord<RevenueHour, RevenueByHour>> records) {
        return records.stream().filter(r -> r.key().getHourStart().equals(HOUR)).toList();
    }

    private static KafkaProducer<String, String> rawProducer() {
        return new KafkaProducer<>(kafka.clientConfig(), new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.StringSerializer());
    }

    private static <K, V> List<K> keys(List<ConsumerRecord<K, V>> records) {
        return records.stream().map(ConsumerRecord::key).toList();
    }

    private static <K, V> List<V> values(List<ConsumerRecord<K, V>> records) {
        return records.stream().map(ConsumerRecord::value).toList();
    }

    private static List<String> upstream(ConsumerRecord<?, ?> record) {
        return LineageHeaders.upstream(record.headers());
    }

    private static Map<?, ?> json(String text) {
        try {
            return MeshJson.read(text, Map.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String job(Map<?, ?> event) {
        return String.valueOf(((Map<?, ?>) event.get("job")).get("name"));
    }

    private static List<String> datasets(Map<?, ?> event, String side) {
        return ((List<?>) event.get(side)).stream().map(d -> String.valueOf(((Map<?, ?>) d).get("name"))).toList();
    }
}
