package io.meshbone.governance.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.Deprecation;
import io.meshbone.platform.control.DomainOwners;
import io.meshbone.platform.control.DomainOwnership;
import io.meshbone.platform.control.ListedProduct;
import io.meshbone.platform.control.ProductRequest;
import io.meshbone.platform.text.DidYouMean;

/**
 * Decides the requests that end a listed product: deprecate (announce a sunset and a successor) and retire (stop
 * admitting records). Only the domain's owner may ask either: its owner on {@code _mesh.domains} when the domain is
 * registered there, else the principal that listed the product; the admin always.
 */
final class ProductLifecycle {

    /** A deprecation's reason is shown on every product page and in every consumer's log: it stays short. */
    static final int REASON_CHARS = 500;

    private final Clock clock;

    ProductLifecycle(Clock clock) {
        this.clock = clock;
    }

    ContractDecider.Outcome retire(ProductRequest request, Map<String, ListedProduct> listed,
                                   Map<String, DomainOwnership> domains) {
        String name = request.descriptorPath();
        ListedProduct current = listed.get(name);
        if (current == null || current.retired()) {
            return ContractDecider.rejected(request, name, current == null ? null : version(current),
                    List.of(name + ": name: no listed product of that name to retire"));
        }
        String version = version(current);
        if (!mayEnd(request.principal(), current, listed, domains)) {
            return ContractDecider.rejected(request, name, version, List.of(refusal(request, "retire", current, domains)));
        }
        ListedProduct retired = new ListedProduct(current.name(), current.descriptorPath(), current.descriptor(),
                current.files(), current.valueSchemaId(), current.keySchemaId(), request.requestId(), current.principal(),
                Instant.now(clock), true, current.deprecation());
        return new ContractDecider.Outcome(ContractDecider.decision(request, name, version, Decision.Outcome.ACCEPTED, true,
                List.of()), retired);
    }

    ContractDecider.Outcome deprecate(ProductRequest request, Map<String, ListedProduct> listed,
                                      Map<String, DomainOwnership> domains) {
        String name = request.descriptorPath();
        ListedProduct current = listed.get(name);
        if (current == null || current.retired()) {
            return ContractDecider.rejected(request, name, current == null ? null : version(current),
                    List.of(name + ": name: no listed product of that name to deprecate"));
        }
        String version = version(current);
        List<String> reasons = new ArrayList<>();
        if (!mayEnd(request.principal(), current, listed, domains)) {
            reasons.add(refusal(request, "deprecate", current, domains));
        }
        ProductRequest.Deprecate terms = request.deprecate() == null ? new ProductRequest.Deprecate(null, null, null)
                : request.deprecate();
        LocalDate sunset = sunset(name, terms.sunset(), reasons);
        successor(name, terms.successor(), listed, reasons);
        if (terms.reason() != null && terms.reason().length() > REASON_CHARS) {
            reasons.add(name + ": reason: " + terms.reason().length() + " characters; expected at most " + REASON_CHARS);
        }
        if (!reasons.isEmpty()) {
            return ContractDecider.rejected(request, name, version, reasons);
        }
        String reason = terms.reason() == null || terms.reason().isBlank() ? null : terms.reason().strip();
        Deprecation deprecation = new Deprecation(sunset, terms.successor(), reason,
                Instant.now(clock).truncatedTo(ChronoUnit.MILLIS), request.principal());
        return new ContractDecider.Outcome(ContractDecider.decision(request, name, version, Decision.Outcome.ACCEPTED, true,
                List.of()), current.withDeprecation(deprecation));
    }

    private LocalDate sunset(String name, String text, List<String> reasons) {
        if (text == null || text.isBlank()) {
            reasons.add(name + ": sunset: missing; expected an ISO date (e.g. 2027-06-30), today or later");
            return null;
        }
        LocalDate sunset;
        try {
            sunset = LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            reasons.add(name + ": sunset: '" + text + "' is not an ISO date; expected e.g. 2027-06-30");
            return null;
        }
        LocalDate today = LocalDate.now(clock);
        if (sunset.isBefore(today)) {
            reasons.add(name + ": sunset: " + sunset + " is in the past; expected today (" + today + ", UTC) or later");
        }
        return sunset;
    }

    private static void successor(String name, String successor, Map<String, ListedProduct> listed, List<String> reasons) {
        if (successor == null || successor.isBlank()) {
            reasons.add(name + ": successor: missing; expected the name of a listed product");
            return;
        }
        if (successor.equals(name)) {
            reasons.add(name + ": successor: '" + successor + "' is the product itself; expected another listed product");
            return;
        }
        ListedProduct next = listed.get(successor);
        if (next == null || next.retired()) {
            List<String> live = listed.values().stream().filter(l -> !l.retired()).map(ListedProduct::name).toList();
            String hint = DidYouMean.suggest(successor, live).map(s -> " (did you mean '" + s + "'?)").orElse("");
            reasons.add(name + ": successor: '" + successor + "' names no listed product" + hint);
        }
    }

    private static String version(ListedProduct listing) {
        return listing.contract().product().map(p -> p.spec().version().toString()).orElse(null);
    }

    private static boolean mayEnd(String principal, ListedProduct current, Map<String, ListedProduct> listed,
                                  Map<String, DomainOwnership> domains) {
        String domain = DomainOwners.domainOf(current.name());
        return domains.containsKey(domain) ? DomainOwners.owns(principal, domain, domains, listed)
                : Objects.equals(current.principal(), principal) || DomainOwners.ADMIN.equals(principal);
    }

    private static String refusal(ProductRequest request, String verb, ListedProduct current, Map<String, DomainOwnership> domains) {
        String domain = DomainOwners.domainOf(current.name());
        return current.name() + ": principal: " + request.principal() + " may not " + verb + " a product "
                + (domains.containsKey(domain) ? "of domain '" + domain + "', owned by " + domains.get(domain).owner()
                : "listed by " + current.principal());
    }
}
