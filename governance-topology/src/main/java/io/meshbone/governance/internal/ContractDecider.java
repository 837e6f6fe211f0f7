package io.meshbone.governance.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.KeySpec;
import io.meshbone.platform.contract.LintReport;
import io.meshbone.platform.contract.ParsedDescriptor;
import io.meshbone.platform.contract.Problem;
import io.meshbone.platform.contract.ProductDescriptors;
import io.meshbone.platform.contract.ProductNames;
import io.meshbone.platform.contract.SchemaFiles;
import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.ListedProduct;
import io.meshbone.platform.control.ProductRequest;

/**
 * Decides one contract request against what is listed: validation, ownership, versioning,
 * compatibility; registers the schemas only when every check passed.
 */
public final class ContractDecider {

    private final ContractRegistry registry;
    private final ResidencyRules residency;

    public ContractDecider(ContractRegistry registry) {
        this(registry, new ResidencyRules(Optional.empty()));
    }

    public ContractDecider(ContractRegistry registry, ResidencyRules residency) {
        this.registry = registry;
        this.residency = residency;
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
        LintReport report = ProductDescriptors.validate(
                List.of(new ProductDescriptors.Source(request.descriptorPath(), request.descriptor(), SchemaFiles.of(request.files()))),
                listed.keySet());
        ParsedDescriptor parsed = report.descriptors().get(0);
        List<String> reasons = new ArrayList<>(report.problems().stream().map(Problem::toString).toList());
        if (request.principal() == null || request.principal().isBlank()) {
            reasons.add(request.descriptorPath() + ": principal: the request names no principal; expected e.g. User:team-orders");
        }
        if (!reasons.isEmpty() || parsed.product().isEmpty()) {
            String name = parsed.product().map(DataProduct::name).orElse(request.descriptorPath());
            return rejected(request, name, versionOf(parsed), reasons);
        }
        DataProduct product = parsed.product().get();
        ListedProduct current = listed.get(product.name());
        if (current != null && !current.retired() && sameContract(current, request)) {
            return new Outcome(decision(request, product.name(), product.spec().version().toString(),
                    Decision.Outcome.ACCEPTED, false, List.of()), null);
        }
        reasons.addAll(ownership(request, product, listed));
        reasons.addAll(residency.check(request.descriptorPath(), product, listed));
        DataProduct previous = current == null || current.retired() ? null
                : current.contract().orThrow();
        if (previous != null) {
            reasons.addAll(VersionRules.check(request.descriptorPath(), previous, product));
        }
        if (reasons.isEmpty()) {
            reasons.addAll(compatibility(request.descriptorPath(), product, previous));
        }
        if (!reasons.isEmpty()) {
            return rejected(request, product.name(), product.spec().version().toString(), reasons);
        }
        return accept(request, product);
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

    private List<String> compatibility(String file, DataProduct product, DataProduct previous) {
        // A new major is a new topic generation with subjects of its own: nothing to be compatible with.
        if (previous != null && previous.spec().version().major() != product.spec().version().major()) {
            return List.of();
        }
        List<String> reasons = new ArrayList<>();
        ProductNames names = product.names();
        registry.incompatibilities(names.valueSubject(), product.spec().value().schema(), product.spec().compatibility())
                .forEach(message -> reasons.add(file + ": spec.value: not " + product.spec().compatibility()
                        + " compatible with listed versions of " + names.valueSubject() + ": " + message));
        product.spec().key().filter(KeySpec.SchemaKey.class::isInstance).map(KeySpec.SchemaKey.class::cast)
                .ifPresent(key -> registry.incompatibilities(names.keySubject(), key.schema().schema(), product.spec().compatibility())
                        .forEach(message -> reasons.add(file + ": spec.key.schema: not " + product.spec().compatibility()
                                + " compatible with listed versions of " + names.keySubject() + ": " + message)));
        return reasons;
    }

    // A domain belongs to whoever listed its first product; the Security issue replaces this with ACLs.
    private static List<String> ownership(ProductRequest request, DataProduct product, Map<String, ListedProduct> listed) {
        String domain = product.metadata().domain();
        Set<String> owners = new java.util.TreeSet<>();
        listed.values().stream()
                .filter(listing -> listing.name().startsWith(domain + ".") && listing.principal() != null)
                .forEach(listing -> owners.add(listing.principal()));
        if (owners.isEmpty() || owners.contains(request.principal())) {
            return List.of();
        }
        return List.of(request.descriptorPath() + ": metadata.domain: principal " + request.principal()
                + " may not act for domain '" + domain + "'; it is owned by " + String.join(", ", owners));
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

    private static boolean sameContract(ListedProduct listing, ProductRequest request) {
        return listing.descriptor().equals(request.descriptor()) && listing.files().equals(request.files());
    }

    private static String versionOf(ParsedDescriptor parsed) {
        return parsed.product().map(product -> product.spec().version().toString()).orElse(null);
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
