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
import io.meshbone.platform.control.ListedProduct;
import io.meshbone.platform.control.ProductRequest;

/**
 * Decides one contract request against what is listed ({@link ContractReview}: validation, ownership, checks,
 * versioning, compatibility); registers the schemas only when every check passed.
 */
public final class ContractDecider {

    private final ContractRegistry registry;
    private final List<ContractCheck> checks;

    public ContractDecider(ContractRegistry registry) {
        this(registry, List.of());
    }

    /** A decider that also runs {@code checks} (such as mesh policies) on every well-formed, changed contract. */
    public ContractDecider(ContractRegistry registry, List<ContractCheck> checks) {
        this.registry = registry;
        this.checks = List.copyOf(checks);
    }

    /**
     * The decision on {@code request}, and the listing to write when it changes the registry.
     *
     * @param listed every product listed so far, by name
     */
    public Outcome decide(ProductRequest request, Map<String, ListedProduct> listed) {
        if (request.action() == ProductRequest.Action.RETIRE) {
            return retire(request, listed);
        }
        ContractReview.Result review = ContractReview.review(request, listed, listed.keySet(), registry, checks);
        Optional<DataProduct> product = review.product();
        String name = product.map(DataProduct::name).orElse(request.descriptorPath());
        String version = product.map(p -> p.spec().version().toString()).orElse(null);
        if (!review.acceptable()) {
            return rejected(request, name, version, review.reasons());
        }
        if (review.unchanged()) {
            return new Outcome(decision(request, name, version, Decision.Outcome.ACCEPTED, false, List.of()), null);
        }
        return accept(request, product.orElseThrow());
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

    private static Outcome retire(ProductRequest request, Map<String, ListedProduct> listed) {
        String name = request.descriptorPath();
        ListedProduct current = listed.get(name);
        if (current == null || current.retired()) {
            return rejected(request, name, null, List.of(name + ": name: no listed product of that name to retire"));
        }
        if (!Objects.equals(current.principal(), request.principal())) {
            return rejected(request, name, null, List.of(name + ": principal: " + request.principal()
                    + " may not retire a product listed by " + current.principal()));
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
