package io.meshbone.governance.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.DomainOwnership;
import io.meshbone.platform.control.ListedPolicy;
import io.meshbone.platform.control.ListedProduct;
import io.meshbone.platform.policy.Policy;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers each contract request with a decision, and lists the product when it is accepted.
 *
 * <p>A request is not decided when it is read: it is kept in the pending store, and the pending requests are decided
 * together every {@link ContractBatching#interval()} (wall-clock), when {@link ContractBatching#limit()} are pending,
 * and before the policy, access or domain processor of the task decides anything (they forward {@link #DECIDE_PENDING}
 * here first). Requests of a batch that do not depend on each other ({@link DecisionGroup}) are decided at once; their
 * outcomes are listed and answered strictly in request order. The store is changelogged and committed with the input
 * offsets, so requests read before a crash or rebalance are decided by the next instance (on {@link #init}).
 *
 * <p>Requests are parsed here rather than by the source's deserializer, so a malformed request is answered with a
 * rejection instead of stopping the gate.
 */
public final class ContractGateProcessor implements Processor<String, Object, String, Object> {

    /** What the task's other processors forward here to have every pending contract request decided first. */
    public static final Object DECIDE_PENDING = DecidePending.NOW;

    private static final Logger log = LoggerFactory.getLogger(ContractGateProcessor.class);

    private final String storeName;
    private final String policiesStoreName;
    private final ContractDecider decider;
    private final String productsSink;
    private final String decisionsSink;
    private final String domainsStoreName;
    private final String pendingStoreName;
    private final ContractBatching batching;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, ListedProduct> listings;
    private KeyValueStore<String, ListedPolicy> policies;
    private KeyValueStore<String, DomainOwnership> domains;
    private KeyValueStore<String, PendingRequest> pending;
    private int pendingCount;
    /** When the last request was read, and when the oldest pending one (the context's wall-clock milliseconds). */
    private long lastReadMs;
    private long oldestPendingMs;
    private GroupDecider groups;
    /** The store's contents in memory: reading every listing back per request made each decision O(listed products). */
    private final Map<String, ListedProduct> listed = new HashMap<>();

    /** The stores a contract processor reads and writes, by name ({@code domains}: null when no domain is registered). */
    public record Stores(String listings, String policies, String domains, String pending) {
    }

    /** A processor that decides against the listings and policies in {@code stores}, batched as {@code batching} says. */
    public ContractGateProcessor(Stores stores, ContractBatching batching, ContractDecider decider, String productsSink,
                                 String decisionsSink) {
        this.storeName = stores.listings();
        this.policiesStoreName = stores.policies();
        this.domainsStoreName = stores.domains();
        this.pendingStoreName = stores.pending();
        this.batching = batching;
        this.decider = decider;
        this.productsSink = productsSink;
        this.decisionsSink = decisionsSink;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.listings = context.getStateStore(storeName);
        this.policies = context.getStateStore(policiesStoreName);
        this.domains = domainsStoreName == null ? null : context.getStateStore(domainsStoreName);
        this.pending = context.getStateStore(pendingStoreName);
        this.groups = new GroupDecider(decider, batching.deciders());
        listed.clear();
        try (KeyValueIterator<String, ListedProduct> it = listings.all()) {
            it.forEachRemaining(entry -> listed.put(entry.key, entry.value));
        }
        pendingCount = 0;
        try (KeyValueIterator<String, PendingRequest> it = pending.all()) {
            it.forEachRemaining(entry -> pendingCount++);
        }
        // Also decides what an earlier instance read but did not decide, restored with the store.
        lastReadMs = context.currentSystemTimeMs() - batching.interval().toMillis();
        oldestPendingMs = lastReadMs;
        context.schedule(batching.interval(), PunctuationType.WALL_CLOCK_TIME, this::decideOnceSettled);
    }

    @Override
    public void process(Record<String, Object> record) {
        if (record.value() == DECIDE_PENDING) {
            decidePending();
            return;
        }
        RecordMetadata at = context.recordMetadata().orElseThrow();
        PendingRequest request = new PendingRequest(record.key(), (byte[]) record.value(), record.timestamp(), at.topic(),
                at.partition(), at.offset());
        pending.put(request.storeKey(), request);
        lastReadMs = context.currentSystemTimeMs();
        if (pendingCount == 0) {
            oldestPendingMs = lastReadMs;
        }
        if (++pendingCount >= batching.limit()) {
            decidePending();
        }
    }

    /** Has the contract processor {@code contractsNode} (a child of the current one; null: none) decide its pending requests. */
    static void decidePendingFirst(ProcessorContext<String, Object> context, String contractsNode) {
        if (contractsNode != null) {
            context.forward(new Record<String, Object>(null, DECIDE_PENDING, context.currentSystemTimeMs()), contractsNode);
        }
    }

    /**
     * Decides the pending requests once no request came for an interval, or the oldest has waited ten intervals. The
     * stream thread punctuates between records, not between polls: deciding at every punctuation while a burst was
     * still being read made groups of one or two requests (decisions one after another, about 50 ms each), so a burst
     * now gathers until {@link ContractBatching#limit()} or its end.
     */
    private void decideOnceSettled(long now) {
        long interval = batching.interval().toMillis();
        if (now - lastReadMs >= interval || now - oldestPendingMs >= 10 * interval) {
            decidePending();
        }
    }

    private void decidePending() {
        if (pendingCount == 0) {
            return;
        }
        List<PendingDecision> batch = new ArrayList<>();
        try (KeyValueIterator<String, PendingRequest> it = pending.all()) {
            it.forEachRemaining(entry -> batch.add(PendingDecision.of(entry.value)));
        }
        List<Policy> inForce = policiesInForce();
        Map<String, DomainOwnership> registered = domains == null ? Map.of() : ControlStores.all(domains);
        DecisionGroup group = null;
        for (PendingDecision next : batch) {
            if (group == null || !group.add(next)) {
                decide(group, inForce, registered);
                group = new DecisionGroup(decider.visible(Collections.unmodifiableMap(listed)));
                group.add(next);
            }
        }
        decide(group, inForce, registered);
        pendingCount = 0;
    }

    // Decides the group against the listings as they are, then lists and answers in request order.
    private void decide(DecisionGroup group, List<Policy> inForce, Map<String, DomainOwnership> registered) {
        if (group == null || group.isEmpty()) {
            return;
        }
        List<PendingDecision> members = group.members();
        List<ContractDecider.Outcome> outcomes = groups.decide(members, Collections.unmodifiableMap(listed), group.visible(),
                inForce, registered);
        for (int i = 0; i < members.size(); i++) {
            apply(members.get(i), outcomes.get(i));
        }
    }

    private void apply(PendingDecision member, ContractDecider.Outcome outcome) {
        PendingRequest request = member.pending();
        if (outcome.listing() != null) {
            listings.put(outcome.listing().name(), outcome.listing());
            listed.put(outcome.listing().name(), outcome.listing());
            context.forward(new Record<String, Object>(outcome.listing().name(), outcome.listing(), request.timestamp()),
                    productsSink);
        }
        Decision decision = outcome.decision();
        String key = decision.product() != null ? decision.product() : request.key();
        context.forward(new Record<String, Object>(key, decision, request.timestamp()), decisionsSink);
        pending.delete(request.storeKey());
        if (member.request() == null) {
            return;
        }
        log.info("{} {} {} ({})", decision.outcome(), decision.product(), decision.version(),
                decision.reasons().size() + " reasons");
    }

    private List<Policy> policiesInForce() {
        List<Policy> all = new ArrayList<>();
        try (KeyValueIterator<String, ListedPolicy> it = policies.all()) {
            it.forEachRemaining(entry -> all.add(entry.value.policy()));
        }
        return all;
    }

    @Override
    public void close() {
        if (groups != null) {
            groups.close();
        }
    }

    private enum DecidePending { NOW }
}
