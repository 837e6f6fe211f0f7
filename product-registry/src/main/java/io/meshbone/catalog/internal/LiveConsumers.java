package io.meshbone.catalog.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.meshbone.platform.health.PartReporter;
import io.meshbone.platform.health.SupervisedLoop;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The consumer groups reading each product's topic, with their lag, read again every few seconds on a supervised
 * thread ({@link ConsumerGroupScan}); what a product's owner checks before a breaking change.
 *
 * <p>Memory is bounded: at most {@link #MAX_GROUPS} groups are examined per look, at most {@link #MAX_PER_PRODUCT}
 * are kept per product (the rest counted as {@code omitted}) and at most {@link #MAX_KEPT} in all.
 */
public final class LiveConsumers implements AutoCloseable {

    /** The name this reader reports its health under. */
    public static final String PART = "catalog-reader:consumer-groups";
    static final int MAX_GROUPS = 5_000;
    static final int MAX_PER_PRODUCT = 100;
    static final int MAX_KEPT = 10_000;

    /** The groups of one product's topic as last read, and how many more there were. */
    record View(List<ConsumerGroupScan.Reader> live, int omitted) {
    }

    private record Snapshot(Map<String, View> byProduct, Instant checkedAt) {
    }

    private final CatalogState state;
    private final Admin admin;
    private final PartReporter health;
    private final Duration every;
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Snapshot snapshot = new Snapshot(Map.of(), null);
    private volatile SupervisedLoop loop;

    private LiveConsumers(Map<String, Object> clientConfig, CatalogState state, PartReporter health, Duration every) {
        this.state = state;
        this.health = health;
        this.every = every;
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "meshbone-catalog-consumer-groups");
        this.admin = Admin.create(config);
    }

    /** Starts reading every {@code every}; failures are reported to {@code health} and retried after a backoff. */
    public static LiveConsumers start(Map<String, Object> clientConfig, CatalogState state, PartReporter health, Duration every) {
        LiveConsumers consumers = new LiveConsumers(clientConfig, state, health, every);
        consumers.loop = SupervisedLoop.start("meshbone-catalog-consumer-groups", health, consumers::run);
        consumers.loop.onClose(consumers.closing::countDown);
        return consumers;
    }

    /** The {@code consumers} of {@code GET /api/products/{name}}: declared in the contract, live from the cluster. */
    Map<String, Object> of(String product, List<String> declared) {
        Snapshot current = snapshot;
        View view = current.byProduct().get(product);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("declared", declared);
        m.put("live", view == null ? List.of() : view.live().stream().map(LiveConsumers::json).toList());
        m.put("omitted", view == null ? 0 : view.omitted());
        m.put("checkedAt", current.checkedAt() == null ? null : current.checkedAt().toString());
        return m;
    }

    private static Map<String, Object> json(ConsumerGroupScan.Reader reader) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("groupId", reader.groupId());
        m.put("state", reader.state());
        m.put("members", reader.members());
        m.put("lag", reader.lag());
        m.put("mesh", reader.mesh());
        return m;
    }

    private void run(SupervisedLoop supervisor) throws Exception {
        ConsumerGroupScan scan = new ConsumerGroupScan(admin, MAX_GROUPS);
        while (supervisor.running()) {
            Map<String, String> productByTopic = new HashMap<>();
            state.products().forEach((name, entry) -> productByTopic.put(entry.product().names().topic(), name));
            Map<String, List<ConsumerGroupScan.Reader>> readers = scan.scan(productByTopic.keySet());
            snapshot = bounded(readers, productByTopic, Instant.now().truncatedTo(ChronoUnit.MILLIS));
            health.running();
            if (closing.await(every.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }

    private static Snapshot bounded(Map<String, List<ConsumerGroupScan.Reader>> byTopic, Map<String, String> productByTopic, Instant at) {
        Map<String, View> byProduct = new HashMap<>();
        int kept = 0;
        for (Map.Entry<String, List<ConsumerGroupScan.Reader>> e : byTopic.entrySet()) {
            String product = productByTopic.get(e.getKey());
            List<ConsumerGroupScan.Reader> readers = e.getValue();
            int room = Math.max(0, Math.min(MAX_PER_PRODUCT, MAX_KEPT - kept));
            List<ConsumerGroupScan.Reader> shown = List.copyOf(readers.subList(0, Math.min(room, readers.size())));
            kept += shown.size();
            byProduct.put(product, new View(shown, readers.size() - shown.size()));
        }
        return new Snapshot(Map.copyOf(byProduct), at);
    }

    @Override
    public void close() {
        SupervisedLoop current = loop;
        if (current != null) {
            current.close();
        }
        admin.close(Duration.ofSeconds(5));
    }
}
