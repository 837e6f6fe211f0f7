package io.meshbone.cli.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.meshbone.platform.registry.SchemaRegistryClient;
import io.meshbone.platform.registry.SchemaRegistryClientSettings;
import org.apache.avro.Schema;

/**
 * Registers distinct schemas, one subject each, from many threads at once through two registry instances: half the
 * calls prefer one instance and half the other, and each client fails over to the other URL when its own is gone.
 */
final class RegistryRace {

    /** What came back. */
    record Result(long registered, long lost, long sharedIds, Map<Integer, String> failures) {
    }

    private final List<String> urls;
    private final int registrations;
    private final ExecutorService pool;
    private final Map<Integer, Integer> ids = new ConcurrentHashMap<>();
    private final Map<Integer, String> failures = new ConcurrentHashMap<>();
    private final AtomicLong registered = new AtomicLong();

    RegistryRace(List<String> urls, int registrations, int threads) {
        this.urls = urls;
        this.registrations = registrations;
        this.pool = Executors.newFixedThreadPool(threads);
    }

    void start() {
        SchemaRegistryClient[] clients = {client(urls.get(0) + "," + urls.get(1)), client(urls.get(1) + "," + urls.get(0))};
        for (int i = 0; i < registrations; i++) {
            int n = i;
            pool.execute(() -> {
                try {
                    ids.put(n, clients[n % 2].register(subject(n), schema(n)));
                    registered.incrementAndGet();
                } catch (RuntimeException e) {
                    failures.put(n, e.toString());
                }
            });
        }
        pool.shutdown();
    }

    long registered() {
        return registered.get();
    }

    Result await(Duration within) throws InterruptedException {
        if (!pool.awaitTermination(within.toMillis(), TimeUnit.MILLISECONDS)) {
            pool.shutdownNow();
            throw new AssertionError("registrations still running after " + within + ": " + registered() + " done");
        }
        Set<Integer> distinct = new HashSet<>(ids.values());
        return new Result(registered(), registrations - ids.size(), ids.size() - distinct.size(), Map.copyOf(failures));
    }

    /** The registrations whose id {@code url} maps to another schema than the one registered, one line each. */
    List<String> readBack(String url) {
        SchemaRegistryClient client = client(url);
        List<String> wrong = new ArrayList<>();
        ids.forEach((n, id) -> {
            Schema stored = new Schema.Parser().parse(client.schemaById(id));
            if (!stored.equals(new Schema.Parser().parse(schema(n)))) {
                wrong.add(subject(n) + ": id " + id + " is " + stored);
            }
            if (client.id(subject(n), schema(n)) != id) {
                wrong.add(subject(n) + ": the subject's id is not " + id);
            }
        });
        return wrong;
    }

    private static SchemaRegistryClient client(String urls) {
        return new SchemaRegistryClient(SchemaRegistryClientSettings.of(urls).withRetries(20, Duration.ofMillis(100), Duration.ofSeconds(2)));
    }

    static String subject(int n) {
        return "chaos-registry-" + n + "-value";
    }

    static String schema(int n) {
        return "{\"type\":\"record\",\"name\":\"Chaos" + n + "\",\"namespace\":\"io.meshbone.chaos\","
                + "\"fields\":[{\"name\":\"n\",\"type\":\"long\"}]}";
    }
}
