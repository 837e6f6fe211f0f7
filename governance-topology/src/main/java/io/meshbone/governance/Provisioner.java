package io.meshbone.governance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import io.meshbone.governance.internal.AclProvisioning;
import io.meshbone.governance.internal.ProvisioningFailures;
import io.meshbone.governance.internal.ReconcileTimes;
import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.ParsedDescriptor;
import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.ListedProduct;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.platform.control.MeshTopics;
import io.meshbone.platform.control.ProductTopicPlans;
import io.meshbone.platform.health.PartReporter;
import io.meshbone.platform.health.SupervisedLoop;
import io.meshbone.platform.provisioning.Drift;
import io.meshbone.platform.provisioning.ReconcileResult;
import io.meshbone.platform.provisioning.TopicPlan;
import io.meshbone.platform.provisioning.TopicLeaders;
import io.meshbone.platform.provisioning.TopicReconciler;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Kafka's topics equal to the listed products, like an operator's reconcile loop.
 *
 * <p>It reads the compacted {@code _mesh.products} topic from the start (so a restart rebuilds
 * everything it needs), reconciles on every change and again every {@code resync} interval (a product a change
 * reconciled within the last interval is left out of the next resync, which goes in slices between new listings), and
 * publishes drift it cannot fix as {@link Decision.Outcome#DRIFT} decisions, once per new drift.
 * Each product is reconciled on its own: one that Kafka refuses is published as a
 * {@link Decision.Outcome#PROVISIONING_FAILED} decision and retried with a backoff, while the others go on.
 * The loop itself is supervised: an error is reported to its health and the loop starts over.
 *
 * <p>Where the cluster has an authorizer it also reconciles the mesh's ACLs ({@link io.meshbone.platform.provisioning.AclPlan}):
 * it folds {@code _mesh.access-grants} and {@code _mesh.domains} beside the listings and, once it has read all three
 * to their end, creates the missing bindings and deletes the managed ones no longer wanted. On an open cluster ACLs
 * are off, which it logs once.
 */
public final class Provisioner implements AutoCloseable {

    /** The name the provisioner reports its health under. */
    public static final String PART = "provisioner";
    private static final Logger log = LoggerFactory.getLogger(Provisioner.class);
    private static final String PRINCIPAL = "meshbone-provisioner";
    /** About how many topics one batch of Admin calls covers. */
    static final int TOPICS_PER_BATCH = 500;
    private static final Duration LEADER_WAIT = Duration.ofSeconds(30);

    private final Map<String, Object> clientConfig;
    private final Duration resync;
    private final PartReporter health;
    private final Map<String, ListedProduct> listed = new HashMap<>();
    /** Each listing's contract, parsed once when it is read rather than on every pass. */
    private final Map<String, ParsedDescriptor> contracts = new HashMap<>();
    /** Products whose listing changed since the last pass: a change reconciles these, not every product. */
    private final Set<String> changedProducts = new HashSet<>();
    private final Set<String> reportedDrift = new HashSet<>();
    private final ProvisioningFailures failures = new ProvisioningFailures();
    private final ReconcileTimes reconciledAt;
    private final AclProvisioning acls;
    private final int maxReplication;
    private volatile SupervisedLoop loop;
    private volatile long reconciledPasses;

    public Provisioner(Map<String, Object> clientConfig, Duration resync) {
        this(clientConfig, resync, PartReporter.detached(PART));
    }

    public Provisioner(Map<String, Object> clientConfig, Duration resync, PartReporter health) {
        this(clientConfig, resync, health, true);
    }

    /**
     * @param provisionAcls whether to reconcile ACLs where the cluster has an authorizer; false leaves every ACL
     *                      to the operator
     */
    public Provisioner(Map<String, Object> clientConfig, Duration resync, PartReporter health, boolean provisionAcls) {
        this(clientConfig, resync, health, provisionAcls, List.of());
    }

    /** @param extraAcls bindings the ACL plan keeps beside those of the listings and the services */
    public Provisioner(Map<String, Object> clientConfig, Duration resync, PartReporter health, boolean provisionAcls,
                       List<AclBinding> extraAcls) {
        this(clientConfig, resync, health, provisionAcls, extraAcls, GovernanceSettings.DEFAULT_MAX_REPLICATION);
    }

    /** @param maxReplication the most copies a product topic gets (1 to 3); 3 gives {@code min(3, brokers)} */
    public Provisioner(Map<String, Object> clientConfig, Duration resync, PartReporter health, boolean provisionAcls,
                       List<AclBinding> extraAcls, int maxReplication) {
        if (maxReplication < 1 || maxReplication > GovernanceSettings.DEFAULT_MAX_REPLICATION) {
            throw new IllegalArgumentException("maxReplication: expected 1, 2 or 3 copies of a product topic, got " + maxReplication);
        }
        this.maxReplication = maxReplication;
        this.acls = new AclProvisioning(provisionAcls, extraAcls);
        this.clientConfig = Map.copyOf(clientConfig);
        this.resync = resync;
        this.reconciledAt = new ReconcileTimes(resync);
        this.health = health;
    }

    /** Starts the reconcile loop on its own thread. */
    public Provisioner start() {
        loop = SupervisedLoop.start("meshbone-provisioner", health, this::run);
        return this;
    }

    /** Completed reconcile passes, for readiness checks and tests. */
    public long reconciledPasses() {
        return reconciledPasses;
    }

    private void run(SupervisedLoop supervisor) throws Exception {
        Map<String, Object> consumerConfig = new HashMap<>(clientConfig);
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (Admin admin = Admin.create(clientConfig);
             KafkaProducer<String, String> producer = new KafkaProducer<>(clientConfig, new StringSerializer(), new StringSerializer());
             KafkaConsumer<String, String> products = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            Runnable wakeup = products::wakeup;
            supervisor.onClose(wakeup);
            try {
                loop(supervisor, admin, producer, products);
            } finally {
                supervisor.removeOnClose(wakeup);
            }
        } catch (WakeupException e) {
            if (supervisor.running()) {
                throw e;
            }
        }
    }

    private void loop(SupervisedLoop supervisor, Admin admin, KafkaProducer<String, String> producer,
                      KafkaConsumer<String, String> products) throws Exception {
        int brokers = admin.describeCluster().nodes().get().size();
        boolean aclsOn = acls.start(admin);
        List<String> topics = new ArrayList<>(List.of(MeshTopics.PRODUCTS));
        if (aclsOn) {
            Set<String> existing = admin.listTopics().names().get();
            AclProvisioning.TOPICS.stream().filter(existing::contains).forEach(topics::add);
        }
        List<TopicPartition> partitions = topics.stream().flatMap(topic -> products.partitionsFor(topic).stream())
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        products.assign(partitions);
        products.seekToBeginning(partitions);
        // ACLs are deleted when unwanted, so a pass waits for the whole view: half-read grants would revoke for a moment.
        Map<TopicPartition, Long> startEnds = products.endOffsets(partitions);
        boolean caughtUp = false;
        // Every attempt reads the registry topic from the start, so it starts from an empty view.
        listed.clear();
        contracts.clear();
        changedProducts.clear();
        reconciledAt.clear();
        TopicReconciler reconciler = new TopicReconciler(admin);
        long nextResync = 0;
        Resync resyncing = null;
        while (supervisor.running()) {
            boolean changed = false;
            // While a resync is under way the poll does not wait: its slices go on back to back, new listings between them.
            for (ConsumerRecord<String, String> record : products.poll(resyncing != null ? Duration.ZERO : Duration.ofMillis(500))) {
                if (record.topic().equals(MeshTopics.PRODUCTS)) {
                    changed |= apply(record);
                } else {
                    acls.apply(record);
                }
            }
            if (!caughtUp) {
                caughtUp = partitions.stream().allMatch(p -> products.position(p) >= startEnds.get(p));
            }
            if (changed || failures.anyDue()) {
                // A change reconciles the changed products only: with thousands listed, a pass over all of them on
                // every new listing made catching up quadratic.
                reconcile(reconciler, admin, producer, brokers, name -> changedProducts.contains(name) || failures.failing(name),
                        Integer.MAX_VALUE);
                changedProducts.clear();
                health.running();
            }
            if (resyncing == null && System.nanoTime() >= nextResync) {
                resyncing = new Resync(System.nanoTime());
                acls.changed();
            }
            // New listings first: with thousands listed a resync pass took minutes, and a new listing waited behind it.
            // It goes in slices of one batch, one between two polls, and under a steady stream of listings still one
            // slice every interval.
            if (resyncing != null && (!changed || System.nanoTime() - resyncing.sliceAt() >= resync.toNanos())) {
                int sliced = reconcile(reconciler, admin, producer, brokers, reconciledAt::resyncDue, TOPICS_PER_BATCH);
                if (sliced == 0) {
                    logSlow(resyncing);
                    resyncing = null;
                    nextResync = System.nanoTime() + resync.toNanos();
                } else {
                    resyncing = resyncing.slice(sliced);
                }
                health.running();
            }
            if (changed) {
                acls.changed();
            }
            if (aclsOn && caughtUp && acls.due()) {
                acls.reconcile(admin, listed.values(), contracts);
            }
        }
    }

    /** A resync under way: when it started, when its last slice ran and how many products it reconciled. */
    private record Resync(long startedAt, long sliceAt, int products) {

        Resync(long startedAt) {
            this(startedAt, startedAt, 0);
        }

        Resync slice(int reconciled) {
            return new Resync(startedAt, System.nanoTime(), products + reconciled);
        }
    }

    private void logSlow(Resync done) {
        Duration took = Duration.ofNanos(System.nanoTime() - done.startedAt());
        if (took.compareTo(resync) > 0) {
            log.info("a resync of {} products took {} s, longer than its {} s interval", done.products(), took.toSeconds(),
                    resync.toSeconds());
        }
    }

    private boolean apply(ConsumerRecord<String, String> record) {
        changedProducts.add(record.key());
        if (record.value() == null) {
            failures.forget(record.key());
            reconciledAt.forget(record.key());
            contracts.remove(record.key());
            return listed.remove(record.key()) != null;
        }
        ListedProduct listing;
        try {
            listing = MeshJson.read(record.value(), ListedProduct.class);
        } catch (Exception e) {
            // The exception's message may quote the payload; only its kind is logged.
            log.warn("skipping unreadable listing of {} at offset {}: not a ListedProduct as JSON ({})", record.key(),
                    record.offset(), e.getClass().getSimpleName());
            return false;
        }
        Optional<String> unusable = ListedProduct.unusableUnder(record.key(), listing);
        if (unusable.isPresent()) {
            log.warn("skipping listing at offset {}: {}", record.offset(), unusable.get());
            return false;
        }
        listed.put(record.key(), listing);
        contracts.put(record.key(), listing.contract());
        return true;
    }

    /**
     * Reconciles the listed products {@code wanted} names (skipping retired ones and failed ones whose retry is not due),
     * until about {@code maxTopics} topics are done; returns how many products it reconciled or found failing.
     *
     * <p>Products are reconciled in batches of about {@link #TOPICS_PER_BATCH} topics, one Admin call of each kind
     * per batch; when a batch fails, its products are reconciled one by one, so only the failing ones fail.
     */
    private int reconcile(TopicReconciler reconciler, Admin admin, KafkaProducer<String, String> producer, int brokers,
                          Predicate<String> wanted, int maxTopics) throws Exception {
        Map<String, List<TopicPlan>> batch = new LinkedHashMap<>();
        int products = 0;
        int topics = 0;
        int done = 0;
        for (ListedProduct listing : new ArrayList<>(listed.values())) {
            String name = listing.name();
            if (done >= maxTopics) {
                break;
            }
            if (listing.retired() || !failures.due(name) || !wanted.test(name)) {
                continue;
            }
            ParsedDescriptor parsed = contracts.get(listing.name());
            if (!parsed.valid()) {
                // The gate only lists valid contracts; a listing written by something else must not stop the others.
                log.warn("skipping listing of {}: its contract does not parse: {}", listing.name(), parsed.problems());
                // Nothing to reconcile until its listing changes: the resync's next slices need not warn again.
                reconciledAt.reconciled(name);
                continue;
            }
            DataProduct product = parsed.orThrow();
            products++;
            try {
                List<TopicPlan> plans = topicPlans(product, brokers, maxReplication);
                batch.put(listing.name(), plans);
                topics += plans.size();
            } catch (RuntimeException e) {
                reportFailure(producer, listing.name(), product.spec().version().toString(), e);
                continue;
            }
            if (topics >= TOPICS_PER_BATCH) {
                reconcileBatch(reconciler, admin, producer, batch);
                batch.clear();
                done += topics;
                topics = 0;
            }
        }
        if (!batch.isEmpty()) {
            reconcileBatch(reconciler, admin, producer, batch);
        }
        reconciledPasses++;
        return products;
    }

    /** A product's topics on {@code brokers} brokers, replicated as a cluster of at most {@code maxReplication} would. */
    static List<TopicPlan> topicPlans(DataProduct product, int brokers, int maxReplication) {
        return ProductTopicPlans.of(product, Math.min(brokers, maxReplication));
    }

    private void reconcileBatch(TopicReconciler reconciler, Admin admin, KafkaProducer<String, String> producer,
                                Map<String, List<TopicPlan>> plansByProduct) throws Exception {
        ReconcileResult result;
        try {
            result = reconciler.reconcile(plansByProduct.values().stream().flatMap(List::stream).toList());
        } catch (RuntimeException e) {
            if (plansByProduct.size() == 1) {
                String product = plansByProduct.keySet().iterator().next();
                reportFailure(producer, product, versionOf(product), e);
                return;
            }
            log.info("a batch of {} products failed ({}); reconciling them one by one", plansByProduct.size(), e.getMessage());
            for (Map.Entry<String, List<TopicPlan>> one : plansByProduct.entrySet()) {
                reconcileBatch(reconciler, admin, producer, Map.of(one.getKey(), one.getValue()));
            }
            return;
        }
        awaitLeaders(admin, result.created());
        Map<String, String> productByTopic = new HashMap<>();
        plansByProduct.forEach((product, plans) -> plans.forEach(plan -> productByTopic.put(plan.name(), product)));
        Map<String, List<Drift>> driftByProduct = new HashMap<>();
        result.drift().forEach(d -> driftByProduct.computeIfAbsent(productByTopic.get(d.topic()), k -> new ArrayList<>()).add(d));
        for (String product : plansByProduct.keySet()) {
            failures.succeeded(product);
            reconciledAt.reconciled(product);
            reportDrift(producer, product, driftByProduct.getOrDefault(product, List.of()));
        }
    }

    // New topics are usable once their partitions have leaders; one wait for the whole batch, not one per topic.
    private static void awaitLeaders(Admin admin, List<String> created) throws InterruptedException {
        if (created.isEmpty()) {
            return;
        }
        try {
            TopicLeaders.await(admin, created, LEADER_WAIT);
        } catch (TimeoutException e) {
            log.warn("{} new topics have no leader yet after {}; the next pass looks again", created.size(), LEADER_WAIT);
        }
    }

    private String versionOf(String product) {
        ParsedDescriptor parsed = contracts.get(product);
        return parsed == null ? null : parsed.product().map(p -> p.spec().version().toString()).orElse(null);
    }

    private void reportFailure(KafkaProducer<String, String> producer, String product, String version, RuntimeException e)
            throws Exception {
        String reason = "topics: " + e.getMessage();
        long retryInMs = failures.failed(product, reason);
        log.warn("cannot provision {} (retrying in {} ms): {}", product, retryInMs, reason);
        if (failures.newReason(product, reason)) {
            publish(producer, new Decision("provisioning-" + UUID.randomUUID(), product,
                    Decision.Outcome.PROVISIONING_FAILED, version, false, List.of(reason), PRINCIPAL, Instant.now()));
        }
    }

    private void reportDrift(KafkaProducer<String, String> producer, String product, List<Drift> drift) throws Exception {
        for (Drift each : drift) {
            if (reportedDrift.add(each.describe())) {
                publish(producer, new Decision("drift-" + UUID.randomUUID(), product, Decision.Outcome.DRIFT, null, false,
                        List.of(each.describe()), PRINCIPAL, Instant.now()));
                log.warn("drift: {}", each.describe());
            }
        }
    }

    private static void publish(KafkaProducer<String, String> producer, Decision decision) throws Exception {
        producer.send(new ProducerRecord<>(MeshTopics.DECISIONS, decision.product(), MeshJson.write(decision))).get();
    }

    @Override
    public void close() {
        SupervisedLoop current = loop;
        if (current != null) {
            current.close();
        }
    }
}
