package io.meshbone.catalog.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import io.meshbone.platform.control.AccessGrant;
import io.meshbone.platform.control.AccessRequest;
import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.DomainOwnership;
import io.meshbone.platform.control.DomainRequest;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.platform.control.MeshTopics;
import io.meshbone.platform.health.PartReporter;
import io.meshbone.platform.health.SupervisedLoop;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog's view of who may read what and who owns which domain, folded from {@code _mesh.access-requests},
 * {@code _mesh.access-grants}, {@code _mesh.domains}, {@code _mesh.domain-requests} and the access and domain decisions
 * on {@code _mesh.decisions}. A request's status is what the gate last decided about it, never what the event asked.
 */
public final class AccessState implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AccessState.class);
    /** The name this reader reports its health under. */
    public static final String PART = "catalog-reader:access-topics";
    static final int MAX_REQUESTS = 10_000;
    static final int MAX_DOMAIN_DECISIONS = 50;
    private static final List<String> TOPICS = List.of(MeshTopics.ACCESS_REQUESTS, MeshTopics.ACCESS_GRANTS,
            MeshTopics.DOMAINS, MeshTopics.DOMAIN_REQUESTS, MeshTopics.DECISIONS);

    /** An access request and where the gate says it stands: pending, approved, denied, revoked or rejected. */
    public record Ticket(AccessRequest request, String status, Decision settledBy) {
    }

    /** A domain transfer and where the gate says it stands: pending, approved, denied or rejected. */
    public record Transfer(DomainRequest request, String status, Decision settledBy) {
    }

    private final Map<String, AccessRequest> requests = bounded();
    private final Map<String, DomainRequest> transfers = bounded();
    private final Map<String, Decision> settled = bounded();
    private final Map<String, AccessGrant> grants = new HashMap<>();
    private final Map<String, DomainOwnership> domains = new HashMap<>();
    private final Map<String, List<DomainOwnership>> ownershipHistory = new HashMap<>();
    private final Map<String, Deque<Decision>> domainDecisions = new HashMap<>();
    private final KafkaConsumer<String, String> consumer;
    private final PartReporter health;
    private volatile SupervisedLoop loop;
    private volatile boolean caughtUp;
    private Map<TopicPartition, Long> startEnds;

    private AccessState(Map<String, Object> clientConfig, PartReporter health) {
        this.health = health;
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "meshbone-catalog-access-" + UUID.randomUUID());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    /** Starts reading on a supervised thread reporting to {@code health}. */
    public static AccessState start(Map<String, Object> clientConfig, PartReporter health) {
        AccessState state = new AccessState(clientConfig, health);
        state.loop = SupervisedLoop.start("meshbone-catalog-access", health, state::run);
        state.loop.onClose(state.consumer::wakeup);
        return state;
    }

    public boolean caughtUp() {
        return caughtUp;
    }

    /** The grants in force on {@code product}, oldest first. */
    public synchronized List<AccessGrant> grants(String product) {
        return grants.values().stream().filter(g -> product.equals(g.product()))
                .sorted(java.util.Comparator.comparing(AccessGrant::grantedAt, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())))
                .toList();
    }

    /** Every grant in force. */
    public synchronized List<AccessGrant> grants() {
        return List.copyOf(grants.values());
    }

    public synchronized Optional<AccessGrant> grant(String product, String principal) {
        return Optional.ofNullable(grants.get(product + "|" + principal));
    }

    /** The registered domains, by name. */
    public synchronized Map<String, DomainOwnership> domains() {
        return new TreeMap<>(domains);
    }

    /** Every owner {@code domain} had, oldest first, as far as the catalog read them. */
    public synchronized List<DomainOwnership> ownershipHistory(String domain) {
        return List.copyOf(ownershipHistory.getOrDefault(domain, List.of()));
    }

    /** The domain's decisions (creation, transfers asked, approved and denied), oldest first. */
    public synchronized List<Decision> domainDecisions(String domain) {
        return List.copyOf(domainDecisions.getOrDefault(domain, new ArrayDeque<>()));
    }

    /** Every access request the gate recorded or rejected, oldest first. */
    public synchronized List<Ticket> tickets() {
        List<Ticket> all = new ArrayList<>();
        requests.values().forEach(request -> status(settled.get(request.id()), "pending")
                .ifPresent(status -> all.add(new Ticket(request, status, settled.get(request.id())))));
        return all;
    }

    public synchronized Optional<Ticket> ticket(String id) {
        AccessRequest request = requests.get(id);
        return request == null ? Optional.empty()
                : status(settled.get(id), "pending").map(status -> new Ticket(request, status, settled.get(id)));
    }

    /** Every domain transfer, oldest first. */
    public synchronized List<Transfer> transfers() {
        List<Transfer> all = new ArrayList<>();
        transfers.values().forEach(request -> status(settled.get(request.id()), "pending")
                .ifPresent(status -> all.add(new Transfer(request, status, settled.get(request.id())))));
        return all;
    }

    /** The status a request's latest decision gives it; empty while the gate has not answered it. */
    private static Optional<String> status(Decision latest, String recorded) {
        if (latest == null) {
            return Optional.empty();
        }
        if (!latest.accepted()) {
            return Optional.of(latest.kind() == Decision.Kind.ACCESS_REQUEST
                    || latest.kind() == Decision.Kind.DOMAIN_TRANSFER_REQUEST ? "rejected" : recorded);
        }
        return Optional.of(switch (latest.kind()) {
            case ACCESS_GRANT, DOMAIN_TRANSFER -> "approved";
            case ACCESS_DENIAL, DOMAIN_TRANSFER_DENIAL -> "denied";
            case ACCESS_REVOCATION -> "revoked";
            default -> recorded;
        });
    }

    private void run(SupervisedLoop supervisor) {
        try {
            // An attempt that failed between assigning and reading the end offsets (a timeout on a loaded broker) left
            // no end offsets: the next one starts over rather than failing on them for good.
            if (consumer.assignment().isEmpty() || startEnds == null) {
                List<TopicPartition> partitions = AssignedTopics.await(consumer, TOPICS, supervisor, "access topics");
                if (partitions == null) {
                    return;
                }
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                startEnds = consumer.endOffsets(partitions);
            }
            while (supervisor.running()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    apply(record);
                }
                if (!caughtUp && startEnds.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    caughtUp = true;
                    log.info("Catalog caught up on access: {} grants, {} registered domains", grants.size(), domains.size());
                }
                if (caughtUp) {
                    health.running(AssignedTopics.lag(consumer));
                }
            }
        } catch (WakeupException e) {
            if (supervisor.running()) {
                throw e;
            }
        }
    }

    private synchronized void apply(ConsumerRecord<String, String> record) {
        try {
            switch (record.topic()) {
                case MeshTopics.ACCESS_REQUESTS -> applyRequest(MeshJson.read(record.value(), AccessRequest.class));
                case MeshTopics.ACCESS_GRANTS -> applyGrant(record.key(), record.value());
                case MeshTopics.DOMAINS -> applyDomain(record.key(), record.value());
                case MeshTopics.DOMAIN_REQUESTS -> applyTransfer(MeshJson.read(record.value(), DomainRequest.class));
                default -> applyDecision(MeshJson.read(record.value(), Decision.class));
            }
        } catch (Exception e) {
            // The record's content stays out of the log: only where it was and why it was skipped.
            log.warn("Skipping unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getClass().getSimpleName());
        }
    }

    private void applyRequest(AccessRequest event) {
        if (event != null && event.type() == AccessRequest.Type.REQUEST && event.id() != null) {
            requests.putIfAbsent(event.id(), event);
        }
    }

    private void applyTransfer(DomainRequest event) {
        if (event != null && event.type() == DomainRequest.Type.TRANSFER && event.id() != null) {
            transfers.putIfAbsent(event.id(), event);
        }
    }

    private void applyGrant(String key, String json) throws Exception {
        if (json == null) {
            grants.remove(key);
            return;
        }
        AccessGrant grant = MeshJson.read(json, AccessGrant.class);
        if (grant.product() != null && grant.principal() != null && grant.key().equals(key)) {
            grants.put(key, grant);
        }
    }

    private void applyDomain(String key, String json) throws Exception {
        if (json == null) {
            domains.remove(key);
            return;
        }
        DomainOwnership ownership = MeshJson.read(json, DomainOwnership.class);
        if (ownership.domain() == null || !ownership.domain().equals(key) || ownership.owner() == null) {
            return;
        }
        domains.put(key, ownership);
        List<DomainOwnership> history = ownershipHistory.computeIfAbsent(key, k -> new ArrayList<>());
        if (history.isEmpty() || !history.get(history.size() - 1).equals(ownership)) {
            history.add(ownership);
        }
    }

    private void applyDecision(Decision decision) {
        if (decision == null || decision.kind() == null) {
            return;
        }
        if (decision.refersTo() != null) {
            // A rejected approval leaves the request where it was; only the request's own rejection or an accepted
            // settlement says where it stands.
            boolean own = decision.requestId() != null && decision.requestId().equals(decision.refersTo());
            if (decision.accepted() || own) {
                settled.put(decision.refersTo(), decision);
            }
        }
        if (decision.domain() != null) {
            Deque<Decision> list = domainDecisions.computeIfAbsent(decision.domain(), k -> new ArrayDeque<>());
            list.addLast(decision);
            if (list.size() > MAX_DOMAIN_DECISIONS) {
                list.removeFirst();
            }
        }
    }

    private static <V> Map<String, V> bounded() {
        return new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > MAX_REQUESTS;
            }
        };
    }

    @Override
    public void close() {
        SupervisedLoop current = loop;
        if (current != null) {
            current.close();
        }
        consumer.close(Duration.ofSeconds(5));
    }
}
