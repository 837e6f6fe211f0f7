package io.meshbone.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.meshbone.governance.internal.VersionRules;
import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.KeySpec;
import io.meshbone.platform.contract.LintReport;
import io.meshbone.platform.contract.ParsedDescriptor;
import io.meshbone.platform.contract.Problem;
import io.meshbone.platform.contract.ProductDescriptors;
import io.meshbone.platform.contract.ProductNames;
import io.meshbone.platform.contract.SchemaFiles;
import io.meshbone.platform.control.DomainOwners;
import io.meshbone.platform.control.DomainOwnership;
import io.meshbone.platform.control.ListedProduct;
import io.meshbone.platform.control.ProductRequest;

/**
 * What the contract gate says about an apply request, as a pure function of the request, what is listed and the
 * schemas' history: every reason to reject it, or none. It changes nothing; the gate registers and lists on top.
 *
 * <p>Checks, in the gate's order: the descriptor (everything lint checks) and the principal; then, unless the
 * contract is the listed one unchanged, ownership of the domain, the {@link ContractCheck}s given, the version rules
 * within a major, and, when all of those passed, schema compatibility at the contract's level.
 */
public final class ContractReview {

    private ContractReview() {
    }

    /**
     * Reviews an {@link ProductRequest.Action#APPLY APPLY} request.
     *
     * @param listed        the listed products, by name (a retired one counts as not listed)
     * @param knownProducts the names the descriptor's inputs may name
     * @param schemas       the compatibility of a schema with the earlier versions of a subject
     * @param checks        more checks (policies) run on a well-formed, changed contract
     */
    public static Result review(ProductRequest request, Map<String, ListedProduct> listed, Set<String> knownProducts,
                                CompatibilityCheck schemas, List<ContractCheck> checks) {
        return review(request, listed, Map.of(), knownProducts, schemas, checks);
    }

    /**
     * Reviews an {@link ProductRequest.Action#APPLY APPLY} request where some domains are registered on
     * {@code _mesh.domains}: such a domain's owner (or the admin) alone may list its products.
     *
     * @param domains the registered domains, by name
     */
    public static Result review(ProductRequest request, Map<String, ListedProduct> listed, Map<String, DomainOwnership> domains,
                                Set<String> knownProducts, CompatibilityCheck schemas, List<ContractCheck> checks) {
        String file = request.descriptorPath();
        LintReport report = ProductDescriptors.validate(
                List.of(new ProductDescriptors.Source(file, request.descriptor(), SchemaFiles.of(request.files()))),
                knownProducts);
        ParsedDescriptor parsed = report.descriptors().get(0);
        List<String> reasons = new ArrayList<>(report.problems().stream().map(Problem::toString).toList());
        if (request.principal() == null || request.principal().isBlank()) {
            reasons.add(file + ": principal: the request names no principal; expected e.g. User:team-orders");
        }
        if (!reasons.isEmpty() || parsed.product().isEmpty()) {
            return new Result(parsed, Optional.empty(), reasons, false);
        }
        DataProduct product = parsed.product().get();
        ListedProduct current = listed.get(product.name());
        if (current != null && !current.retired() && sameContract(current, request)) {
            return new Result(parsed, Optional.of(product), List.of(), true);
        }
        reasons.addAll(ownership(request, product, listed, domains));
        Optional<DataProduct> previous = current == null || current.retired() ? Optional.empty()
                : Optional.of(current.contract().orThrow());
        for (ContractCheck check : checks) {
            reasons.addAll(check.reasons(request, product, previous));
        }
        previous.ifPresent(p -> reasons.addAll(VersionRules.check(file, p, product)));
        if (reasons.isEmpty()) {
            reasons.addAll(compatibility(file, product, previous, schemas));
        }
        return new Result(parsed, previous, reasons, false);
    }

    private static List<String> compatibility(String file, DataProduct product, Optional<DataProduct> previous,
                                              CompatibilityCheck schemas) {
        // A new major is a new topic generation with subjects of its own: nothing to be compatible with.
        if (previous.isPresent() && previous.get().spec().version().major() != product.spec().version().major()) {
            return List.of();
        }
        List<String> reasons = new ArrayList<>();
        ProductNames names = product.names();
        schemas.incompatibilities(names.valueSubject(), product.spec().value().schema(), product.spec().compatibility())
                .forEach(message -> reasons.add(file + ": spec.value: not " + product.spec().compatibility()
                        + " compatible with listed versions of " + names.valueSubject() + ": " + message));
        product.spec().key().filter(KeySpec.SchemaKey.class::isInstance).map(KeySpec.SchemaKey.class::cast)
                .ifPresent(key -> schemas.incompatibilities(names.keySubject(), key.schema().schema(), product.spec().compatibility())
                        .forEach(message -> reasons.add(file + ": spec.key.schema: not " + product.spec().compatibility()
                                + " compatible with listed versions of " + names.keySubject() + ": " + message)));
        return reasons;
    }

    // A registered domain belongs to its owner on _mesh.domains; an unregistered one to whoever listed its products.
    private static List<String> ownership(ProductRequest request, DataProduct product, Map<String, ListedProduct> listed,
                                          Map<String, DomainOwnership> domains) {
        String domain = product.metadata().domain();
        Set<String> owners = DomainOwners.of(domain, domains, listed);
        if (owners.isEmpty() || DomainOwners.owns(request.principal(), domain, domains, listed)) {
            return List.of();
        }
        return List.of(request.descriptorPath() + ": metadata.domain: principal " + request.principal()
                + " may not act for domain '" + domain + "'; it is owned by " + String.join(", ", owners));
    }

    private static boolean sameContract(ListedProduct listing, ProductRequest request) {
        return listing.descriptor().equals(request.descriptor()) && listing.files().equals(request.files());
    }

    /**
     * The review of one request.
     *
     * @param parsed    the descriptor as parsed, with its problems
     * @param previous  the listed version the contract would replace, if any
     * @param reasons   every reason the gate would reject it for; empty when it would accept it
     * @param unchanged true when it is the listed contract, word for word (an accepted no-op)
     */
    public record Result(ParsedDescriptor parsed, Optional<DataProduct> previous, List<String> reasons, boolean unchanged) {

        public Result {
            reasons = List.copyOf(reasons);
        }

        public boolean acceptable() {
            return reasons.isEmpty();
        }

        /** The contract, when the descriptor parsed. */
        public Optional<DataProduct> product() {
            return parsed.product();
        }

        /** True when the contract starts a new major version over a listed one: a new topic generation. */
        public boolean newMajor() {
            return product().isPresent() && previous.isPresent()
                    && product().get().spec().version().major() != previous.get().spec().version().major();
        }
    }
}
