package io.meshbone.governance.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.control.ListedProduct;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The gate's cache of compiled products, shared by every stream task: per product, its current listing's and the one
 * before it.
 *
 * <p>A listing is parsed and its rules compiled the first time one of its records arrives; a new listing (a new
 * request id) replaces it, so a new product version takes effect without a restart. The version before stays too:
 * each task reads the listing store at most once a second, so for a moment tasks may see either. Older versions are
 * dropped, so memory grows with the products, not with every version ever listed.
 */
public final class GatedProducts {

    private final Map<String, Versions> byProduct = new ConcurrentHashMap<>();
    private final MeterRegistry meters;
    private final Consumer<GatedProduct> onFirstUse;

    public GatedProducts(MeterRegistry meters, Consumer<GatedProduct> onFirstUse) {
        this.meters = meters;
        this.onFirstUse = onFirstUse;
    }

    public GatedProduct forListing(ListedProduct listing) {
        Versions known = byProduct.get(listing.name());
        GatedProduct cached = known == null ? null : known.of(listing);
        if (cached != null) {
            return cached;
        }
        GatedProduct created = new GatedProduct(listing, parse(listing), meters);
        byProduct.merge(listing.name(), new Versions(created, null), (old, fresh) -> old.with(created));
        onFirstUse.accept(created);
        return created;
    }

    /** How many product versions are compiled, for tests. */
    int compiled() {
        return byProduct.values().stream().mapToInt(v -> v.previous() == null ? 1 : 2).sum();
    }

    private static DataProduct parse(ListedProduct listing) {
        return listing.contract().orThrow();
    }

    /** A product's newest compiled listing and the one before it (or null). */
    private record Versions(GatedProduct current, GatedProduct previous) {

        GatedProduct of(ListedProduct listing) {
            if (same(current, listing)) {
                return current;
            }
            return same(previous, listing) ? previous : null;
        }

        /** These versions with {@code added}: the newer of it and the current one becomes current. */
        Versions with(GatedProduct added) {
            if (of(added.listing()) != null) {
                return this;
            }
            return added.listing().listedAt() != null && current.listing().listedAt() != null
                    && added.listing().listedAt().isBefore(current.listing().listedAt())
                    ? new Versions(current, added) : new Versions(added, current);
        }

        private static boolean same(GatedProduct product, ListedProduct listing) {
            return product != null && product.listing().requestId().equals(listing.requestId());
        }
    }
}
