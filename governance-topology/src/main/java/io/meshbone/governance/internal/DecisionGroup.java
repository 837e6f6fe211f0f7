package io.meshbone.governance.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.ParsedDescriptor;
import io.meshbone.platform.contract.ProductDescriptors;
import io.meshbone.platform.contract.SchemaFiles;
import io.meshbone.platform.control.ListedProduct;
import io.meshbone.platform.control.ProductRequest;

/**
 * Pending contract requests, in request order, that may be decided at once against one snapshot of the listings: each
 * is decided exactly as it would be after the earlier ones were decided and listed.
 *
 * <p>A decision reads the listings in these places only, so a request joins the group unless one of them could be
 * something an earlier member lists:
 * <ul>
 *   <li>its own product's listing (unchanged? the previous version for version rules, compatibility, policies'
 *       {@code previous}; the registry subjects too are the product's): a second request for a product name waits;</li>
 *   <li>its inputs (known? their residency): it waits when an input names a member, or is not listed at all, since
 *       the rejection then suggests or lists every known name;</li>
 *   <li>its domain's owners: an unregistered domain is owned by every principal that listed one of its products
 *       ({@code DomainOwners}), so a member of the same domain from another principal could change the answer. From
 *       the same principal it cannot: that member was accepted only if its principal already owned the domain (or it
 *       had no owner, which the principal then becomes);</li>
 *   <li>retire and deprecate requests read their product, its domain's owners and a successor: each is decided
 *       alone, after everything before it and before everything after it.</li>
 * </ul>
 * A descriptor that does not parse is rejected and lists nothing, but its rejection names unknown inputs against the
 * listings, so it starts a group. Policies and registered domains change only between batches: the policy, access
 * and domain processors have the pending contracts decided before they decide anything.
 */
final class DecisionGroup {

    private final Map<String, ListedProduct> visible;
    private final List<PendingDecision> members = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private final Map<String, String> principalByDomain = new HashMap<>();
    private boolean closed;

    /** An empty group over listings in which {@code visible} are the products inputs may name. */
    DecisionGroup(Map<String, ListedProduct> visible) {
        this.visible = visible;
    }

    /** The products the members' inputs may name, as read when the group started. */
    Map<String, ListedProduct> visible() {
        return visible;
    }

    /** Adds {@code next} and returns true when it can be decided with the members; false, adding nothing, if not. */
    boolean add(PendingDecision next) {
        if (closed || !members.isEmpty() && !independent(next.footprint())) {
            return false;
        }
        Footprint footprint = next.footprint();
        members.add(next);
        closed = footprint.alone();
        if (footprint.name() != null) {
            names.add(footprint.name());
            if (!principalByDomain.containsKey(footprint.domain())) {
                principalByDomain.put(footprint.domain(), footprint.principal());
            }
        }
        return true;
    }

    List<PendingDecision> members() {
        return List.copyOf(members);
    }

    boolean isEmpty() {
        return members.isEmpty();
    }

    private boolean independent(Footprint footprint) {
        if (footprint.alone() || footprint.unknown()) {
            return false;
        }
        if (footprint.name() == null) {
            return true;
        }
        if (names.contains(footprint.name())) {
            return false;
        }
        for (String input : footprint.inputs()) {
            if (names.contains(input) || !visible.containsKey(input)) {
                return false;
            }
        }
        // A missing principal counts as one of its own: its rejection names the domain's owners too.
        return !principalByDomain.containsKey(footprint.domain())
                || Objects.equals(principalByDomain.get(footprint.domain()), footprint.principal());
    }

    /**
     * What of the listings a request's decision may read and write.
     *
     * @param alone   decided on its own (retire, deprecate)
     * @param unknown its descriptor does not parse, so what it reads is not known
     * @param name    the product it lists, or null when it reads and lists nothing (an unreadable request)
     */
    record Footprint(boolean alone, boolean unknown, String name, String domain, String principal, List<String> inputs) {

        static final Footprint NONE = new Footprint(false, false, null, null, null, List.of());
        private static final Footprint ALONE = new Footprint(true, false, null, null, null, List.of());
        private static final Footprint UNKNOWN = new Footprint(false, true, null, null, null, List.of());

        static Footprint of(ProductRequest request) {
            if (request.action() != ProductRequest.Action.APPLY) {
                return ALONE;
            }
            try {
                ParsedDescriptor parsed = ProductDescriptors.parse(request.descriptorPath(), request.descriptor(),
                        SchemaFiles.of(request.files()));
                if (parsed.product().isEmpty()) {
                    return UNKNOWN;
                }
                DataProduct product = parsed.product().get();
                return new Footprint(false, false, product.name(), product.metadata().domain(), request.principal(),
                        product.spec().inputs());
            } catch (RuntimeException e) {
                return UNKNOWN;
            }
        }
    }
}
