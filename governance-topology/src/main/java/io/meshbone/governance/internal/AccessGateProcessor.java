package io.meshbone.governance.internal;

import java.time.Instant;
import java.util.List;

import io.meshbone.platform.control.AccessGrant;
import io.meshbone.platform.control.AccessRequest;
import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.DomainOwnership;
import io.meshbone.platform.control.ListedProduct;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers each event on {@code _mesh.access-requests} with a decision; an approval writes an {@link AccessGrant} to
 * {@code _mesh.access-grants}, a revocation its tombstone.
 *
 * <p>It shares the contract gate's task and its listings and domains stores, so an access decision never races a
 * contract or a domain transfer. A malformed event is answered with a rejection and never stops the gate.
 */
public final class AccessGateProcessor implements Processor<String, byte[], String, Object> {

    private static final Logger log = LoggerFactory.getLogger(AccessGateProcessor.class);

    private static final ControlEvent.Shape<AccessRequest> ACCESS_EVENTS =
            new ControlEvent.Shape<>(AccessRequest.class, AccessRequest::id, AccessRequest::type,
                    "an access event", "REQUEST, APPROVE, DENY or REVOKE");

    private final Stores names;
    private final AccessDecider decider = new AccessDecider();
    private final String grantsSink;
    private final String decisionsSink;
    private ProcessorContext<String, Object> context;
    /** The task's contract processor, which decides the contract requests read before this one first (null: none). */
    private String contractsFirst;
    private KeyValueStore<String, ListedProduct> listings;
    private KeyValueStore<String, DomainOwnership> domains;
    private KeyValueStore<String, AccessTicket> tickets;
    private KeyValueStore<String, AccessGrant> grants;

    /** The stores this processor reads and writes, by name. */
    public record Stores(String listings, String domains, String tickets, String grants) {
    }

    public AccessGateProcessor(Stores names, String grantsSink, String decisionsSink) {
        this.names = names;
        this.grantsSink = grantsSink;
        this.decisionsSink = decisionsSink;
    }

    /** This processor, having the contract requests pending at {@code contractsNode} (a child) decided first. */
    public AccessGateProcessor afterContracts(String contractsNode) {
        this.contractsFirst = contractsNode;
        return this;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.listings = context.getStateStore(names.listings());
        this.domains = context.getStateStore(names.domains());
        this.tickets = context.getStateStore(names.tickets());
        this.grants = context.getStateStore(names.grants());
    }

    @Override
    public void process(Record<String, byte[]> record) {
        ContractGateProcessor.decidePendingFirst(context, contractsFirst);
        ControlEvent<AccessRequest> read = ControlEvent.read(record.value(), () -> ControlStores.source(context), ACCESS_EVENTS);
        if (read.rejected()) {
            reject(record, read.rejectedId(), read.reason());
            return;
        }
        AccessRequest event = read.event();
        AccessDecider.Outcome outcome = decider.decide(event, ControlStores.all(listings), ControlStores.all(domains),
                tickets::get, grants::get);
        if (outcome.ticket() != null) {
            tickets.put(outcome.ticket().request().id(), outcome.ticket());
        }
        if (outcome.grant() != null) {
            grants.put(outcome.grant().key(), outcome.grant());
            context.forward(new Record<String, Object>(outcome.grant().key(), outcome.grant(), record.timestamp()), grantsSink);
        }
        if (outcome.revokedKey() != null) {
            grants.delete(outcome.revokedKey());
            context.forward(new Record<String, Object>(outcome.revokedKey(), null, record.timestamp()), grantsSink);
        }
        forward(record, outcome.decision());
        log.info("access {} {} on {} for {}: {}", outcome.decision().kind(), outcome.decision().outcome(),
                outcome.decision().product(), outcome.decision().subject(), outcome.decision().reasons().size() + " reasons");
    }

    private void reject(Record<String, byte[]> record, String id, String reason) {
        forward(record, new Decision(id, null, Decision.Outcome.REJECTED, null, false, List.of(reason), null, Instant.now(),
                List.of(), null, Decision.Kind.ACCESS_REQUEST, null, null, null));
    }

    private void forward(Record<String, byte[]> record, Decision decision) {
        String key = decision.product() != null ? decision.product() : "access:" + record.key();
        context.forward(new Record<String, Object>(key, decision, record.timestamp()), decisionsSink);
    }
}
