package io.meshbone.governance.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.meshbone.platform.lineage.LineageHeaders;
import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.DomainOwnership;
import io.meshbone.platform.control.ListedPolicy;
import io.meshbone.platform.control.ListedProduct;
import io.meshbone.platform.policy.Policy;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.platform.control.ProductRequest;
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
 * <p>Requests are parsed here rather than by the source's deserializer, so a malformed request is
 * answered with a rejection instead of stopping the gate.
 */
public final class ContractGateProcessor implements Processor<String, byte[], String, Object> {

    private static final Logger log = LoggerFactory.getLogger(ContractGateProcessor.class);

    private final String storeName;
    private final String policiesStoreName;
    private final ContractDecider decider;
    private final String productsSink;
    private final String decisionsSink;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, ListedProduct> listings;
    private KeyValueStore<String, ListedPolicy> policies;
    private final String domainsStoreName;
    private KeyValueStore<String, DomainOwnership> domains;
    /** The store's contents in memory: reading every listing back per request made each decision O(listed products). */
    private final Map<String, ListedProduct> listed = new HashMap<>();

    /** A processor that decides against the listings in {@code storeName} and the policies in {@code policiesStoreName}. */
    public ContractGateProcessor(String storeName, String policiesStoreName, ContractDecider decider, String productsSink,
                                 String decisionsSink) {
        this(storeName, policiesStoreName, null, decider, productsSink, decisionsSink);
    }

    /** A processor that also checks owners of the domains registered in {@code domainsStoreName} (null: none are). */
    public ContractGateProcessor(String storeName, String policiesStoreName, String domainsStoreName, ContractDecider decider,
                                 String productsSink, String decisionsSink) {
        this.domainsStoreName = domainsStoreName;
        this.storeName = storeName;
        this.policiesStoreName = policiesStoreName;
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
        listed.clear();
        try (KeyValueIterator<String, ListedProduct> it = listings.all()) {
            it.forEachRemaining(entry -> listed.put(entry.key, entry.value));
        }
    }

    @Override
    public void process(Record<String, byte[]> record) {
        ProductRequest request;
        try {
            request = MeshJson.read(record.value(), ProductRequest.class);
        } catch (IOException | RuntimeException e) {
            RecordMetadata at = context.recordMetadata().orElseThrow();
            String source = LineageHeaders.source(at.topic(), at.partition(), at.offset());
            forwardDecision(record, new Decision("unreadable-" + source, record.key(), Decision.Outcome.REJECTED, null, false,
                    List.of(source + ": the request is not a ProductRequest JSON document: " + e.getMessage()), null, Instant.now()));
            return;
        }
        ContractDecider.Outcome outcome;
        try {
            outcome = decider.decide(request, Collections.unmodifiableMap(listed), policiesInForce(),
                    domains == null ? Map.of() : ControlStores.all(domains));
        } catch (RuntimeException e) {
            // Registration is idempotent, so a request that failed half-way can simply be applied again.
            log.warn("contract request {} for {} failed: {}", request.requestId(), record.key(), e.getMessage());
            outcome = new ContractDecider.Outcome(new Decision(request.requestId(), record.key(), Decision.Outcome.REJECTED, null,
                    false, List.of(request.descriptorPath() + ": the gate could not complete the request (" + e.getMessage()
                    + "); nothing was listed, apply again"), request.principal(), Instant.now()), null);
        }
        if (outcome.listing() != null) {
            listings.put(outcome.listing().name(), outcome.listing());
            listed.put(outcome.listing().name(), outcome.listing());
            context.forward(new Record<String, Object>(outcome.listing().name(), outcome.listing(), record.timestamp()), productsSink);
        }
        forwardDecision(record, outcome.decision());
        log.info("{} {} {} ({})", outcome.decision().outcome(), outcome.decision().product(), outcome.decision().version(),
                outcome.decision().reasons().size() + " reasons");
    }

    private void forwardDecision(Record<String, byte[]> request, Decision decision) {
        String key = decision.product() != null ? decision.product() : request.key();
        context.forward(new Record<String, Object>(key, decision, request.timestamp()), decisionsSink);
    }

    private List<Policy> policiesInForce() {
        List<Policy> all = new java.util.ArrayList<>();
        try (KeyValueIterator<String, ListedPolicy> it = policies.all()) {
            it.forEachRemaining(entry -> all.add(entry.value.policy()));
        }
        return all;
    }
}
