package io.meshbone.governance.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.meshbone.governance.ContractCheck;
import io.meshbone.governance.ContractReview;
import io.meshbone.governance.PolicyCheck;
import io.meshbone.platform.contract.Compatibility;
import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.KeySpec;
import io.meshbone.platform.contract.ProductNames;
import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.DomainOwners;
import io.meshbone.platform.control.DomainOwnership;
import io.meshbone.platform.control.ListedProduct;
import io.meshbone.platform.control.ProductRequest;
import io.meshbone.platform.policy.ClusterFacts;
import io.meshbone.platform.policy.Policy;
import org.apache.avro.Schema;

/**
 * Decides one contract request against what is listed ({@link ContractReview}: validation, ownership, checks,
 * versioning, compatibility); registers the schemas only when every check passed.
 */
public final class ContractDecider {

    private final ContractRegistry registry;
    private final List<ContractCheck> checks;
    private final ClusterFacts cluster;
    private final ResidencyRules residency;
    private final ProductLifecycle lifecycle = new ProductLifecycle(Clock.systemUTC());
    private final Supplier<Map<String, ListedProduct>> elsewhere;

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
        this(registry, checks, cluster, residency, Map::of);
    }

    /**
     * A decider that also finds declared inputs, and their residency, among the products {@code elsewhere} lists: the
     * listings of the mesh's other clusters. This cluster's own listing of a name wins over another's.
     */
    public ContractDecider(ContractRegistry registry, List<ContractCheck> checks, ClusterFacts cluster, ResidencyRules residency,
                           Supplier<Map<String, ListedProduct>> elsewhere) {
        this.elsewhere = elsewhere;
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
        return decide(request, listed, request.action() == ProductRequest.Action.APPLY ? visible(listed) : listed, policies,
                domains);
    }

    /**
     * The decision on {@code request} where the products its inputs may name are {@code visible} (from
     * {@link #visible}), read once for the several requests decided against the same listings. Safe to call from
     * several threads at once while nothing changes {@code listed}.
     */
    public Outcome decide(ProductRequest request, Map<String, ListedProduct> listed, Map<String, ListedProduct> visible,
                          List<Policy> policies, Map<String, DomainOwnership> domains) {
        if (request.action() == ProductRequest.Action.RETIRE) {
            return lifecycle.retire(request, listed, domains);
        }
        if (request.action() == ProductRequest.Action.DEPRECATE) {
            return lifecycle.deprecate(request, listed, domains);
        }
        List<ContractCheck> all = new ArrayList<>(checks);
        all.add((checked, product, previous) -> residency.check(checked.descriptorPath(), product, visible));
        all.add(PolicyCheck.denials(policies, cluster));
        ContractReview.Result review = ContractReview.review(request, listed, domains, visible.keySet(), registry, all);
        Optional<DataProduct> product = review.product();
        String name = product.map(DataProduct::name).orElse(request.descriptorPath());
        String version = product.map(p -> p.spec().version().toString()).orElse(null);
        if (!review.acceptable()) {
            return rejected(request, name, version, review.reasons());
        }
        if (review.unchanged()) {
            // Already listed: failing a policy changed since is reported (NONCOMPLIANT), not a reason to refuse a no-op.
            List<String> failing = PolicyCheck.warnings(policies, product.orElseThrow(), Optional.empty(), cluster);
            return new Outcome(decision(request, name, version, Decision.Outcome.ACCEPTED, false, List.of())
                    .withWarnings(failing), null);
        }
        Outcome accepted = accept(request, product.orElseThrow(), listed.get(product.orElseThrow().name()));
        List<String> warnings = PolicyCheck.warnings(policies, product.orElseThrow(), review.previous(), cluster);
        return new Outcome(accepted.decision().withWarnings(warnings), accepted.listing());
    }

    /**
     * The products a contract's inputs may name: this cluster's {@code listed} and, beneath them, other clusters'
     * (read afresh); {@code listed} itself, not a copy, when there are no other clusters.
     */
    public Map<String, ListedProduct> visible(Map<String, ListedProduct> listed) {
        Map<String, ListedProduct> others = elsewhere.get();
        if (others.isEmpty()) {
            return listed;
        }
        Map<String, ListedProduct> visible = new HashMap<>(others);
        visible.putAll(listed);
        return visible;
    }

    private Outcome accept(ProductRequest request, DataProduct product, ListedProduct current) {
        ProductNames names = product.names();
        Compatibility level = product.spec().compatibility();
        Schema value = product.spec().value().schema();
        // The staging topic's subjects get the same schemas (same ids), so a producer using its default subject finds them.
        List<ContractRegistry.Registration> registrations = new ArrayList<>(List.of(
                new ContractRegistry.Registration(names.valueSubject(), value, level),
                new ContractRegistry.Registration(names.stagingValueSubject(), value, level)));
        Optional<KeySpec> key = product.spec().key();
        if (key.isPresent() && key.get() instanceof KeySpec.SchemaKey schemaKey) {
            registrations.add(new ContractRegistry.Registration(names.keySubject(), schemaKey.schema().schema(), level));
            registrations.add(new ContractRegistry.Registration(names.stagingKeySubject(), schemaKey.schema().schema(), level));
        }
        List<Integer> ids = registry.registerAll(registrations);
        int valueId = ids.get(0);
        Integer keyId = ids.size() > 2 ? ids.get(2) : null;
        ListedProduct listing = new ListedProduct(product.name(), request.descriptorPath(), request.descriptor(),
                request.files(), valueId, keyId, request.requestId(), request.principal(), Instant.now(), false,
                // A new version of a deprecated product is still deprecated: the sunset is the product's, not a version's.
                current == null || current.retired() ? null : current.deprecation());
        return new Outcome(decision(request, product.name(), product.spec().version().toString(),
                Decision.Outcome.ACCEPTED, true, List.of()), listing);
    }

    static Outcome rejected(ProductRequest request, String product, String version, List<String> reasons) {
        return new Outcome(decision(request, product, version, Decision.Outcome.REJECTED, false, reasons), null);
    }

    static Decision decision(ProductRequest request, String product, String version, Decision.Outcome outcome,
                                     boolean changed, List<String> reasons) {
        return new Decision(request.requestId(), product, outcome, version, changed, reasons, request.principal(), Instant.now());
    }

    /**
     * A decision, and the listing to write to {@code _mesh.products} (null when nothing is listed or changed).
     */
    public record Outcome(Decision decision, ListedProduct listing) {
    }
}
