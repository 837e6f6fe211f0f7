package io.meshbone.domains.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.meshbone.domains.raw.RawTopicAdmin;
import io.meshbone.platform.control.MeshJson;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a demo shop's raw events (customers, checkouts, payments, fulfilment) to the raw domain topics, so
 * the domain apps have something to refine; it includes test orders, resent checkouts and untidy currency codes.
 */
public final class DemoGenerator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DemoGenerator.class);
    /** Simulated time between two checkouts of the history: a few hundred checkouts for a few hours. */
    static final Duration HISTORY_SPACING = Duration.ofSeconds(20);
    /**
     * How much faster than real time the history is published: an hour of event time in ten seconds. Published at
     * once, the history's records reach hourly windows downstream in whatever order the partitions' tasks happen to
     * run, hours apart in event time, and windows past their grace drop them; at this pace two partitions may run
     * over a second apart and still stay within a ten-minute grace.
     */
    static final long HISTORY_SPEEDUP = 360;
    /** How long the history waits for the apps that read it to be running before it is published regardless. */
    static final Duration READY_WAIT = Duration.ofSeconds(60);

    private final KafkaProducer<String, String> producer;
    /** In an isolated mesh, a producer per domain hosted elsewhere than {@link #producer}'s cluster. */
    private final Map<String, KafkaProducer<String, String>> producerByDomain = new HashMap<>();
    private final ScheduledExecutorService scheduler;
    private final DemoEvents events;
    private final AtomicLong sent = new AtomicLong();

    private DemoGenerator(Map<String, Object> clientConfig, Map<String, Map<String, Object>> clientConfigByDomain, long seed) {
        this.producer = producer(clientConfig);
        Map<Map<String, Object>, KafkaProducer<String, String>> byConfig = new HashMap<>();
        clientConfigByDomain.forEach((domain, config) -> producerByDomain.put(domain,
                config.equals(clientConfig) ? producer : byConfig.computeIfAbsent(config, DemoGenerator::producer)));
        this.events = new DemoEvents(seed);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "demo-generator");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts publishing about {@code checkoutsPerSecond} checkouts a second (with their other events). */
    public static DemoGenerator start(String bootstrapServers, double checkoutsPerSecond) {
        return start(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), checkoutsPerSecond);
    }

    /** Starts publishing with these Kafka client settings; a positive rate is required. */
    public static DemoGenerator start(Map<String, Object> clientConfig, double checkoutsPerSecond) {
        return start(clientConfig, checkoutsPerSecond, Duration.ZERO);
    }

    /**
     * Like {@link #start(Map, double)}, but first publishes the shop's last {@code history} (one checkout every
     * {@link #HISTORY_SPACING} of event time, oldest first), so hourly products such as revenue per hour have closed
     * hours to show within a minute instead of after the first live hour and its grace period.
     */
    public static DemoGenerator start(Map<String, Object> clientConfig, double checkoutsPerSecond, Duration history) {
        return start(clientConfig, checkoutsPerSecond, history, () -> true);
    }

    /**
     * Like {@link #start(Map, double, Duration)}, but the history waits (up to {@link #READY_WAIT}) until
     * {@code consumersReady} says the apps reading the raw topics are running, so no partition's share of the history
     * reaches them long after another's; the history is published {@link #HISTORY_SPEEDUP} times faster than real
     * time, then the live checkouts begin. Returns at once: the waiting happens on the generator's thread.
     */
    public static DemoGenerator start(Map<String, Object> clientConfig, double checkoutsPerSecond, Duration history,
                                      BooleanSupplier consumersReady) {
        validate(checkoutsPerSecond, history);
        return start(new DemoGenerator(clientConfig, Map.of(), System.nanoTime()), checkoutsPerSecond, history, consumersReady);
    }

    private static void validate(double checkoutsPerSecond, Duration history) {
        if (!(checkoutsPerSecond > 0) || checkoutsPerSecond > 10_000) {
            throw new IllegalArgumentException("checkoutsPerSecond must be in (0, 10000], got " + checkoutsPerSecond);
        }
        if (history.isNegative()) {
            throw new IllegalArgumentException("history must not be negative, got " + history);
        }
    }

    private static DemoGenerator start(DemoGenerator generator, double checkoutsPerSecond, Duration history,
                                       BooleanSupplier consumersReady) {
        long periodMicros = Math.max(100, Math.round(1_000_000 / checkoutsPerSecond));
        // The single scheduler thread publishes the history, then schedules the live steps: none overtakes the history.
        generator.scheduler.execute(() -> {
            if (!history.isZero()) {
                generator.awaitReady(consumersReady);
                generator.publishHistory(historyTimes(Instant.now(), history));
            }
            if (!generator.scheduler.isShutdown()) {
                generator.scheduler.scheduleAtFixedRate(generator::step, 0, periodMicros, TimeUnit.MICROSECONDS);
                log.info("demo generator publishing {} checkouts/s to the raw domain topics", checkoutsPerSecond);
            }
        });
        return generator;
    }

    /**
     * Like {@link #start(Map, double, Duration, BooleanSupplier)} for an isolated mesh: each raw event goes to the
     * cluster {@code clientConfigByDomain} names for its topic's domain ({@code customers.raw-profile-changes} to the
     * customers' cluster), any other to {@code clientConfig}'s.
     */
    public static DemoGenerator start(Map<String, Object> clientConfig, Map<String, Map<String, Object>> clientConfigByDomain,
                                      double checkoutsPerSecond, Duration history, BooleanSupplier consumersReady) {
        validate(checkoutsPerSecond, history);
        return start(new DemoGenerator(clientConfig, clientConfigByDomain, System.nanoTime()), checkoutsPerSecond, history,
                consumersReady);
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> clientConfig) {
        RawTopicAdmin.ensureRawTopics(clientConfig);
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "meshbone-demo-generator");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** Raw events handed to the producer so far. */
    public long eventsSent() {
        return sent.get();
    }

    /** The event times of the history, oldest first, ending before {@code now}. */
    static List<Instant> historyTimes(Instant now, Duration history) {
        List<Instant> times = new ArrayList<>();
        for (Instant at = now.minus(history); at.isBefore(now); at = at.plus(HISTORY_SPACING)) {
            times.add(at);
        }
        return times;
    }

    /** When the event at {@code at} is due, after the history's first event, at {@link #HISTORY_SPEEDUP}. */
    static Duration historyOffset(Instant first, Instant at) {
        return Duration.between(first, at).dividedBy(HISTORY_SPEEDUP);
    }

    private void awaitReady(BooleanSupplier consumersReady) {
        long deadline = System.nanoTime() + READY_WAIT.toNanos();
        try {
            while (!consumersReady.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    log.info("demo history starts although the domain apps are not all running after {} s", READY_WAIT.toSeconds());
                    return;
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void publishHistory(List<Instant> times) {
        if (times.isEmpty()) {
            return;
        }
        log.info("demo generator publishing {} of history ({} checkouts) in {} s", Duration.between(times.get(0), Instant.now()),
                times.size(), historyOffset(times.get(0), times.get(times.size() - 1)).toSeconds());
        long started = System.nanoTime();
        try {
            for (Instant at : times) {
                long due = started + historyOffset(times.get(0), at).toNanos();
                TimeUnit.NANOSECONDS.sleep(due - System.nanoTime());
                step(at);
            }
        } catch (InterruptedException e) {
            // close() interrupts the scheduler: the rest of the history is not published.
            Thread.currentThread().interrupt();
        }
    }

    private void step() {
        step(Instant.now());
    }

    private void step(Instant at) {
        try {
            for (DemoEvents.Event event : events.step(at)) {
                producerByDomain.getOrDefault(event.topic().split("\\.")[0], producer).send(new ProducerRecord<>(event.topic(), event.key(), MeshJson.write(event.value())),
                        (metadata, error) -> {
                            if (error != null) {
                                log.warn("demo event to {} not sent: {}", event.topic(), error.getMessage());
                            }
                        });
                sent.incrementAndGet();
            }
        } catch (InterruptException e) {
            // close() interrupts the scheduler: stopping, not a failed step.
            Thread.currentThread().interrupt();
        } catch (JsonProcessingException | RuntimeException e) {
            // A failed step must not cancel the schedule; the next step tries again.
            log.warn("demo generator step failed: {}", e.getMessage());
        }
    }

    /** Stops publishing and flushes what was sent. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        new HashSet<>(producerByDomain.values()).stream().filter(p -> p != producer).forEach(KafkaProducer::close);
        producer.close();
    }
}
