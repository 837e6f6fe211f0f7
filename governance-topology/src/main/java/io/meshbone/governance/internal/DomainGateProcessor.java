package io.meshbone.governance.internal;

import java.time.Instant;
import java.util.List;

import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.DomainOwnership;
import io.meshbone.platform.control.DomainRequest;
import io.meshbone.platform.control.ListedProduct;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers each event on {@code _mesh.domain-requests} with a decision; a created domain or an approved transfer writes
 * the domain's {@link DomainOwnership} to {@code _mesh.domains} and to the store the contract gate checks owners in.
 *
 * <p>A malformed event is answered with a rejection and never stops the gate.
 */
public final class DomainGateProcessor implements Processor<String, byte[], String, Object> {

    private static final Logger log = LoggerFactory.getLogger(DomainGateProcessor.class);

    private static final ControlEvent.Shape<DomainRequest> DOMAIN_EVENTS =
            new ControlEvent.Shape<>(DomainRequest.class, DomainRequest::id, DomainRequest::type,
                    "a domain event", "CREATE, TRANSFER, APPROVE or DENY");

    private final Stores names;
    private final DomainDecider decider = new DomainDecider();
    private final String domainsSink;
    private final String decisionsSink;
    private ProcessorContext<String, Object> context;
    /** The task's contract processor, which decides the contract requests read before this one first (null: none). */
    private String contractsFirst;
    private KeyValueStore<String, ListedProduct> listings;
    private KeyValueStore<String, DomainOwnership> domains;
    private KeyValueStore<String, DomainTicket> tickets;

    /** The stores this processor reads and writes, by name. */
    public record Stores(String listings, String domains, String tickets) {
    }

    public DomainGateProcessor(Stores names, String domainsSink, String decisionsSink) {
        this.names = names;
        this.domainsSink = domainsSink;
        this.decisionsSink = decisionsSink;
    }

    /** This processor, having the contract requests pending at {@code contractsNode} (a child) decided first. */
    public DomainGateProcessor afterContracts(String contractsNode) {
        this.contractsFirst = contractsNode;
        return this;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.listings = context.getStateStore(names.listings());
        this.domains = context.getStateStore(names.domains());
        this.tickets = context.getStateStore(names.tickets());
    }

    @Override
    public void process(Record<String, byte[]> record) {
        ContractGateProcessor.decidePendingFirst(context, contractsFirst);
        ControlEvent<DomainRequest> read = ControlEvent.read(record.value(), () -> ControlStores.source(context), DOMAIN_EVENTS);
        if (read.rejected()) {
            reject(record, read.rejectedId(), read.reason());
            return;
        }
        DomainRequest event = read.event();
        DomainDecider.Outcome outcome = decider.decide(event, ControlStores.all(domains), ControlStores.all(listings), tickets::get);
        if (outcome.ticket() != null) {
            tickets.put(outcome.ticket().request().id(), outcome.ticket());
        }
        if (outcome.ownership() != null) {
            domains.put(outcome.ownership().domain(), outcome.ownership());
            context.forward(new Record<String, Object>(outcome.ownership().domain(), outcome.ownership(), record.timestamp()),
                    domainsSink);
        }
        forward(record, outcome.decision());
        log.info("domain {} {} for {}: {}", outcome.decision().kind(), outcome.decision().outcome(), outcome.decision().domain(),
                outcome.decision().reasons().size() + " reasons");
    }

    private void reject(Record<String, byte[]> record, String id, String reason) {
        forward(record, new Decision(id, null, Decision.Outcome.REJECTED, null, false, List.of(reason), null, Instant.now(),
                List.of(), null, Decision.Kind.DOMAIN_CREATION, null, null, null));
    }

    private void forward(Record<String, byte[]> record, Decision decision) {
        String key = "domain:" + (decision.domain() != null ? decision.domain() : record.key());
        context.forward(new Record<String, Object>(key, decision, record.timestamp()), decisionsSink);
    }
}
