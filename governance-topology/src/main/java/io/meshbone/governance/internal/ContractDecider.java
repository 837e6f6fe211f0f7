package io.meshbone.governance.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.meshbone.governance.ContractCheck;
import io.meshbone.governance.ContractReview;
import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.KeySpec;
import io.meshbone.platform.contract.ProductNames;
import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.DomainOwners;
import io.meshbone.platform.control.DomainOwnership;
import io.meshbone.platform.control.ListedProduct;
import io.meshbone.platform.control.ProductRequest;
import io.meshbone.platform.policy.ClusterFacts;
import io.meshbone.platform.policy.Policies;
import io.meshbone.platform.policy.Policy;
import io.meshbone.platform.policy.PolicyViolation;

/**
 * Decides one contract request against what is listed ({@link ContractReview}: validation, ownership, checks,
 * versioning, compatibility); registers the schemas only when every check passed.
 */
public final class ContractDecider {

    private final ContractRegistry registry;
    private final List<ContractCheck> checks;
    private final ClusterFacts cluster;
    private final ResidencyRules residency;

    public ContractDecider(ContractRegistry registry) {
        this(registry, new ClusterFacts(1), new ResidencyRules(Optional.empty()));
    }

    /** A decider whose policies see {@code cluster}. */
    public ContractDecider(ContractRegistry registry, ClusterFacts cluster) {
        this(registry, cluster, new ResidencyRules(Optional.empty()));
    }

    /** A decider whose policies see {@code cluster} and that keeps resident data in its regions. */
    public ContractDecider(ContractRegistry registry, ClusterFacts cluster, ResidencyRules residency) {
        this(registry, List.of(), cluster, residency);
    }

    /** A decider that also runs {@code checks} on every well-formed, changed contract. */
    public ContractDecider(ContractRegistry registry, List<ContractCheck> checks, ClusterFacts cluster, ResidencyRules residency) {
        this.registry = registry;
        this.checks = List.copyOf(checks);
        this.cluster = cluster;
        this.residency = residency;
    }

    /** The decision on {@code request} with no policies in force. */
    public Outcome decide(ProductRequest request, Map<String, ListedProduct> listed) {
        return decide(request, listed, List.of());
    }

    /**
     * The decision on {@code request}, and the listing to write when it changes the registry.
     *
     * @param listed   every product listed so far, by name
     * @param policies the policies in force: every one in scope is evaluated, {@code deny} failures reject
     */
    public Outcome decide(ProductRequest request, Map<String, ListedProduct> listed, List<Policy> policies) {
        return decide(request, listed, policies, Map.of());
    }

    /**
     * The decision on {@code request} where some domains are registered: their owners alone (and the admin) list and
     * retire their products.
     *
     * @param domains the domains registered on {@code _mesh.domains}, by name
     */
    public Outcome decide(ProductRequest request, Map<String, ListedProduct> listed, List<Policy> policies,
                          Map<String, DomainOwnership> domains) {
        if (request.action() == ProductRequest.Action.RETIRE) {
            return retire(request, listed, domains);
        }
        List<ContractCheck> all = new ArrayList<>(checks);
        all.add((checked, product, previous) -> residency.check(checked.descriptorPath(), product, listed));
        all.add(policyCheck(policies));
        ContractReview.Result review = ContractReview.review(request, listed, domains, listed.keySet(), registry, all);
        Optional<DataProduct> product = review.product();
        String name = product.map(DataProduct::name).orElse(request.descriptorPath());
        String version = product.map(p -> p.spec().version().toString()).orElse(null);
        if (!review.acceptable()) {
            return rejected(request, name, version, review.reasons());
        }
        if (review.unchanged()) {
            // Already listed: failing a policy changed since is reported (NONCOMPLIANT), not a reason to refuse a no-op.
            List<String> failing = Policies.evaluate(policies, product.orElseThrow(), Optional.empty(), cluster)
                    .stream().map(PolicyViolation::reason).toList();
            return new Outcome(decision(request, name, version, Decision.Outcome.ACCEPTED, false, List.of())
                    .withWarnings(failing), null);
        }
        Outcome accepted = accept(request, product.orElseThrow());
        List<String> warnings = Policies.evaluate(policies, product.orElseThrow(), review.previous(), cluster)
                .stream().map(PolicyViolation::reason).toList();
        return new Outcome(accepted.decision().withWarnings(warnings), accepted.listing());
    }

    /** The policies in force as one more check: every failing {@code deny} policy is a reason. */
    private ContractCheck policyCheck(List<Policy> policies) {
        return (request, product, previous) -> Policies.evaluate(policies, product, previous, cluster).stream()
                .filter(PolicyViolation::denies).map(v -> request.descriptorPath() + ": " + v.reason()).toList();
    }

    private Outcome accept(ProductRequest request, DataProduct product) {
        ProductNames names = product.names();
        int valueId = registry.register(names.valueSubject(), product.spec().value().schema(), product.spec().compatibility());
        registry.register(names.stagingValueSubject(), product.spec().value().schema(), product.spec().compatibility());
        Integer keyId = null;
        Optional<KeySpec> key = product.spec().key();
        if (key.isPresent() && key.get() instanceof KeySpec.SchemaKey schemaKey) {
            keyId = registry.register(names.keySubject(), schemaKey.schema().schema(), product.spec().compatibility());
            registry.register(names.stagingKeySubject(), schemaKey.schema().schema(), product.spec().compatibility());
        }
        ListedProduct listing = new ListedProduct(product.name(), request.descriptorPath(), request.descriptor(),
                request.files(), valueId, keyId, request.requestId(), request.principal(), Instant.now(), false);
        return new Outcome(decision(request, product.name(), product.spec().version().toString(),
                Decision.Outcome.ACCEPTED, true, List.of()), listing);
    }

    private static Outcome retire(ProductRequest request, Map<String, ListedProduct> listed,
                                  Map<String, DomainOwnership> domains) {
        String name = request.descriptorPath();
        ListedProduct current = listed.get(name);
        if (current == null || current.retired()) {
            return rejected(request, name, null, List.of(name + ": name: no listed product of that name to retire"));
        }
        String domain = DomainOwners.domainOf(name);
        if (domains.containsKey(domain) ? !DomainOwners.owns(request.principal(), domain, domains, listed)
                : !Objects.equals(current.principal(), request.principal()) && !DomainOwners.ADMIN.equals(request.principal())) {
            return rejected(request, name, null, List.of(name + ": principal: " + request.principal()
                    + " may not retire a product " + (domains.containsKey(domain)
                    ? "of domain '" + domain + "', owned by " + domains.get(domain).owner() : "listed by " + current.principal())));
        }
        ListedProduct retired = new ListedProduct(current.name(), current.descriptorPath(), current.descriptor(),
                current.files(), current.valueSchemaId(), current.keySchemaId(), request.requestId(), current.principal(),
                Instant.now(), true);
        return new Outcome(decision(request, name, null, Decision.Outcome.ACCEPTED, true, List.of()), retired);
    }

    private static Outcome rejected(ProductRequest request, String product, String version, List<String> reasons) {
        return new Outcome(decision(request, product, version, Decision.Outcome.REJECTED, false, reasons), null);
    }

    private static Decision decision(ProductRequest request, String product, String version, Decision.Outcome outcome,
                                     boolean changed, List<String> reasons) {
        return new Decision(request.requestId(), product, outcome, version, changed, reasons, request.principal(), Instant.now());
    }

    /**
     * A decision, and the listing to write to {@code _mesh.products} (null when nothing is listed or changed).
     */
    public record Outcome(Decision decision, ListedProduct listing) {
    }
}
