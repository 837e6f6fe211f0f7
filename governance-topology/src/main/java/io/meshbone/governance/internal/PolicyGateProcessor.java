package io.meshbone.governance.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.DomainOwnership;
import io.meshbone.platform.control.ListedPolicy;
import io.meshbone.platform.control.ListedProduct;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.platform.control.PolicyRequest;
import io.meshbone.platform.lineage.LineageHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers each policy request with a decision; an accepted change is written to {@code _mesh.policies} and
 * followed by a compliance report for each listed product it makes fail (or pass again).
 *
 * <p>It shares the contract gate's task and stores, so policies and contracts are decided one at a time.
 */
public final class PolicyGateProcessor implements Processor<String, byte[], String, Object> {

    private static final Logger log = LoggerFactory.getLogger(PolicyGateProcessor.class);

    private final String listingsStore;
    private final String policiesStore;
    private final PolicyDecider decider;
    private final String policiesSink;
    private final String decisionsSink;
    private ProcessorContext<String, Object> context;
    /** The task's contract processor, which decides the contract requests read before this one first (null: none). */
    private String contractsFirst;
    private KeyValueStore<String, ListedProduct> listings;
    private KeyValueStore<String, ListedPolicy> policies;
    private final String domainsStore;
    private KeyValueStore<String, DomainOwnership> domains;

    public PolicyGateProcessor(String listingsStore, String policiesStore, PolicyDecider decider, String policiesSink,
                               String decisionsSink) {
        this(listingsStore, policiesStore, null, decider, policiesSink, decisionsSink);
    }

    /** A processor that also checks owners of the domains registered in {@code domainsStore} (null: none are). */
    public PolicyGateProcessor(String listingsStore, String policiesStore, String domainsStore, PolicyDecider decider,
                               String policiesSink, String decisionsSink) {
        this.domainsStore = domainsStore;
        this.listingsStore = listingsStore;
        this.policiesStore = policiesStore;
        this.decider = decider;
        this.policiesSink = policiesSink;
        this.decisionsSink = decisionsSink;
    }

    /** This processor, having the contract requests pending at {@code contractsNode} (a child) decided first. */
    public PolicyGateProcessor afterContracts(String contractsNode) {
        this.contractsFirst = contractsNode;
        return this;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.listings = context.getStateStore(listingsStore);
        this.policies = context.getStateStore(policiesStore);
        this.domains = domainsStore == null ? null : context.getStateStore(domainsStore);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        ContractGateProcessor.decidePendingFirst(context, contractsFirst);
        PolicyRequest request;
        try {
            request = MeshJson.read(record.value(), PolicyRequest.class);
        } catch (IOException | RuntimeException e) {
            RecordMetadata at = context.recordMetadata().orElseThrow();
            String source = LineageHeaders.source(at.topic(), at.partition(), at.offset());
            forward(record, new Decision("unreadable-" + source, null, Decision.Outcome.REJECTED, null, false,
                    List.of(source + ": the request is not a PolicyRequest JSON document: " + e.getMessage()), null,
                    Instant.now(), List.of(), record.key()));
            return;
        }
        PolicyDecider.Outcome outcome = decider.decide(request, all(policies), all(listings),
                domains == null ? Map.of() : all(domains));
        if (outcome.listing() != null) {
            policies.put(outcome.listing().policy().name(), outcome.listing());
            context.forward(new Record<String, Object>(outcome.listing().policy().name(), outcome.listing(), record.timestamp()),
                    policiesSink);
        }
        forward(record, outcome.decision());
        outcome.compliance().forEach(report -> forward(record, report));
        log.info("policy {} {} v{} ({} reasons, {} compliance reports)", outcome.decision().policy(),
                outcome.decision().outcome(), outcome.decision().version(), outcome.decision().reasons().size(),
                outcome.compliance().size());
    }

    private void forward(Record<String, byte[]> request, Decision decision) {
        String key = decision.product() != null ? decision.product()
                : "policy:" + (decision.policy() != null ? decision.policy() : request.key());
        context.forward(new Record<String, Object>(key, decision, request.timestamp()), decisionsSink);
    }

    private static <V> Map<String, V> all(KeyValueStore<String, V> store) {
        Map<String, V> all = new HashMap<>();
        try (KeyValueIterator<String, V> it = store.all()) {
            it.forEachRemaining(entry -> all.put(entry.key, entry.value));
        }
        return all;
    }
}
