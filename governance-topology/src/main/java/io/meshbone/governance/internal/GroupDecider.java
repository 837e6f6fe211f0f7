package io.meshbone.governance.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.DomainOwnership;
import io.meshbone.platform.control.ListedProduct;
import io.meshbone.platform.control.ProductRequest;
import io.meshbone.platform.lineage.LineageHeaders;
import io.meshbone.platform.policy.Policy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides the members of a {@link DecisionGroup} at once, on threads of its own: a decision mostly waits for the
 * registry, and the registry commits concurrent writes together. Its threads are not the registry calls' own
 * ({@code RegistryContracts} waits on those), so a decider never waits for a call queued behind deciders.
 */
final class GroupDecider implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupDecider.class);

    private final ContractDecider decider;
    private final ConcurrentCalls threads;

    GroupDecider(ContractDecider decider, int threads) {
        this.decider = decider;
        this.threads = new ConcurrentCalls("contract-gate-decide", threads);
    }

    /** Every member's outcome, in the members' order; a decision that fails is that request's rejection. */
    List<ContractDecider.Outcome> decide(List<PendingDecision> members, Map<String, ListedProduct> listed,
                                         Map<String, ListedProduct> visible, List<Policy> policies,
                                         Map<String, DomainOwnership> domains) {
        if (members.size() == 1) {
            return List.of(decide(members.get(0), listed, visible, policies, domains));
        }
        List<CompletableFuture<ContractDecider.Outcome>> outcomes = new ArrayList<>();
        for (PendingDecision member : members) {
            outcomes.add(threads.start(() -> decide(member, listed, visible, policies, domains)));
        }
        return outcomes.stream().map(ConcurrentCalls::answer).toList();
    }

    private ContractDecider.Outcome decide(PendingDecision member, Map<String, ListedProduct> listed,
                                           Map<String, ListedProduct> visible, List<Policy> policies,
                                           Map<String, DomainOwnership> domains) {
        PendingRequest pending = member.pending();
        if (member.request() == null) {
            String source = LineageHeaders.source(pending.topic(), pending.partition(), pending.offset());
            return new ContractDecider.Outcome(new Decision("unreadable-" + source, pending.key(), Decision.Outcome.REJECTED,
                    null, false, List.of(source + ": the request is not a ProductRequest JSON document: " + member.unreadable()),
                    null, Instant.now()), null);
        }
        ProductRequest request = member.request();
        try {
            return decider.decide(request, listed, visible, policies, domains);
        } catch (RuntimeException e) {
            // Registration is idempotent, so a request that failed half-way can simply be applied again.
            log.warn("contract request {} for {} failed: {}", request.requestId(), pending.key(), e.getMessage());
            return new ContractDecider.Outcome(new Decision(request.requestId(), pending.key(), Decision.Outcome.REJECTED, null,
                    false, List.of(request.descriptorPath() + ": the gate could not complete the request (" + e.getMessage()
                    + "); nothing was listed, apply again"), request.principal(), Instant.now()), null);
        }
    }

    @Override
    public void close() {
        threads.close();
    }
}
