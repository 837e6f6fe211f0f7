package io.meshbone.governance.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.ParsedDescriptor;
import io.meshbone.platform.contract.Problem;
import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.DomainOwners;
import io.meshbone.platform.control.DomainOwnership;
import io.meshbone.platform.control.ListedPolicy;
import io.meshbone.platform.control.ListedProduct;
import io.meshbone.platform.control.PolicyRequest;
import io.meshbone.platform.policy.ClusterFacts;
import io.meshbone.platform.policy.ParsedPolicy;
import io.meshbone.platform.policy.Policies;
import io.meshbone.platform.policy.Policy;
import io.meshbone.platform.policy.PolicyViolation;

/**
 * Decides one policy request: the document is valid, its author may make it (mesh-wide: the governance group; a
 * domain's: that domain's owner), and it lifts no mesh-wide policy; then versions it and re-evaluates the listed products.
 */
public final class PolicyDecider {

    private final ClusterFacts cluster;

    public PolicyDecider(ClusterFacts cluster) {
        this.cluster = cluster;
    }

    /**
     * The decision on {@code request}, the policy version to write when it changes the policy set, and a compliance
     * report for every listed product whose failing {@code deny} policies the change altered.
     *
     * @param policies the policies in force, by name
     * @param listed   every listed product, by name
     */
    public Outcome decide(PolicyRequest request, Map<String, ListedPolicy> policies, Map<String, ListedProduct> listed) {
        return decide(request, policies, listed, Map.of());
    }

    /** The decision on {@code request}; a registered domain's policies are its owner's (or the admin's) to make. */
    public Outcome decide(PolicyRequest request, Map<String, ListedPolicy> policies, Map<String, ListedProduct> listed,
                          Map<String, DomainOwnership> domains) {
        String file = request.documentPath();
        ParsedPolicy parsed = Policies.parse(file, request.document() == null ? "" : request.document());
        List<String> reasons = new ArrayList<>(parsed.problems().stream().map(Problem::toString).toList());
        if (request.principal() == null || request.principal().isBlank()) {
            reasons.add(file + ": principal: the request names no principal; expected e.g. " + Policies.GOVERNANCE_PRINCIPAL);
        }
        if (!reasons.isEmpty()) {
            return new Outcome(decision(request, null, null, Decision.Outcome.REJECTED, false, reasons), null, List.of());
        }
        Policy policy = parsed.orThrow();
        ListedPolicy current = policies.get(policy.name());
        reasons.addAll(authority(request, policy, current, listed, domains));
        if (!reasons.isEmpty()) {
            return new Outcome(decision(request, policy.name(), null, Decision.Outcome.REJECTED, false, reasons), null, List.of());
        }
        if (current != null && current.policy().withVersion(0).equals(policy)) {
            return new Outcome(decision(request, policy.name(), current.policy().version(), Decision.Outcome.ACCEPTED, false,
                    List.of()), null, List.of());
        }
        Policy versioned = policy.withVersion(current == null ? 1 : current.policy().version() + 1);
        ListedPolicy listing = new ListedPolicy(versioned, file, request.document(), request.requestId(), request.principal(),
                Instant.now());
        List<Policy> before = policies.values().stream().map(ListedPolicy::policy).toList();
        List<Policy> after = new ArrayList<>(before.stream().filter(p -> !p.name().equals(versioned.name())).toList());
        after.add(versioned);
        return new Outcome(decision(request, versioned.name(), versioned.version(), Decision.Outcome.ACCEPTED, true, List.of()),
                listing, compliance(request, before, after, listed));
    }

    private static List<String> authority(PolicyRequest request, Policy policy, ListedPolicy current,
                                          Map<String, ListedProduct> listed, Map<String, DomainOwnership> domains) {
        String file = request.documentPath();
        List<String> reasons = new ArrayList<>();
        if (current != null && !current.policy().owner().equals(policy.owner())) {
            reasons.add(file + ": metadata.owner: policy '" + policy.name() + "' is owned by " + current.policy().owner()
                    + (current.policy().meshWide() ? " (mesh-wide); a domain's policy may only add restrictions, never"
                    + " replace or lift a mesh-wide one: choose another name" : "; expected owner " + current.policy().owner()));
        }
        if (policy.meshWide()) {
            // The admin too: up --secure writes no credentials for User:governance, so only the admin can sign in for it.
            if (!Policies.GOVERNANCE_PRINCIPAL.equals(request.principal()) && !DomainOwners.ADMIN.equals(request.principal())) {
                reasons.add(file + ": metadata.owner: principal " + request.principal() + " may not apply a mesh-wide policy;"
                        + " only the governance group (" + Policies.GOVERNANCE_PRINCIPAL + ") or the admin ("
                        + DomainOwners.ADMIN + ") may");
            }
            return reasons;
        }
        Set<String> owners = DomainOwners.of(policy.owner(), domains, listed);
        if (owners.isEmpty()) {
            reasons.add(file + ": metadata.owner: domain '" + policy.owner() + "' has no listed product, so no owner yet;"
                    + " expected a domain with a listed product (its owner may add policies for it)");
        } else if (!DomainOwners.owns(request.principal(), policy.owner(), domains, listed)) {
            reasons.add(file + ": metadata.owner: principal " + request.principal() + " may not apply policies for domain '"
                    + policy.owner() + "'; it is owned by " + String.join(", ", owners));
        }
        return reasons;
    }

    /** A report for each live listed product whose failing deny policies differ between {@code before} and {@code after}. */
    private List<Decision> compliance(PolicyRequest request, List<Policy> before, List<Policy> after,
                                      Map<String, ListedProduct> listed) {
        List<Decision> reports = new ArrayList<>();
        for (ListedProduct listing : listed.values().stream().sorted(java.util.Comparator.comparing(ListedProduct::name)).toList()) {
            if (listing.retired()) {
                continue;
            }
            ParsedDescriptor contract = listing.contract();
            if (contract.product().isEmpty()) {
                continue;
            }
            DataProduct product = contract.product().get();
            List<String> failedBefore = denials(before, product);
            List<String> failedAfter = denials(after, product);
            if (failedBefore.equals(failedAfter)) {
                continue;
            }
            Decision.Outcome outcome = failedAfter.isEmpty() ? Decision.Outcome.COMPLIANT : Decision.Outcome.NONCOMPLIANT;
            reports.add(new Decision("compliance-" + UUID.randomUUID(), product.name(), outcome,
                    product.spec().version().toString(), false, failedAfter, request.principal(), Instant.now(),
                    List.of(), null));
        }
        return reports;
    }

    private List<String> denials(List<Policy> policies, DataProduct product) {
        return Policies.evaluate(policies, product, Optional.empty(), cluster).stream()
                .filter(PolicyViolation::denies).map(PolicyViolation::reason).toList();
    }

    private static Decision decision(PolicyRequest request, String policy, Integer version, Decision.Outcome outcome,
                                     boolean changed, List<String> reasons) {
        return new Decision(request.requestId(), null, outcome, version == null ? null : version.toString(), changed, reasons,
                request.principal(), Instant.now(), List.of(), policy);
    }

    /**
     * A decision on a policy request, the policy version to write to {@code _mesh.policies} (null when nothing
     * changes), and the compliance reports on listed products the change causes.
     */
    public record Outcome(Decision decision, ListedPolicy listing, List<Decision> compliance) {
    }
}
