package io.meshbone.governance.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.control.ListedProduct;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The gate's cache of compiled products, one per listing, shared by every stream task.
 *
 * <p>A listing is parsed and its rules compiled the first time one of its records arrives; a new
 * listing (a new request id) replaces it, so a new product version takes effect without a restart.
 */
public final class GatedProducts {

    private final Map<String, GatedProduct> byRequestId = new ConcurrentHashMap<>();
    private final MeterRegistry meters;
    private final Consumer<GatedProduct> onFirstUse;

    public GatedProducts(MeterRegistry meters, Consumer<GatedProduct> onFirstUse) {
        this.meters = meters;
        this.onFirstUse = onFirstUse;
    }

    public GatedProduct forListing(ListedProduct listing) {
        GatedProduct cached = byRequestId.get(listing.requestId());
        if (cached != null) {
            return cached;
        }
        GatedProduct created = byRequestId.computeIfAbsent(listing.requestId(),
                unused -> new GatedProduct(listing, parse(listing), meters));
        onFirstUse.accept(created);
        return created;
    }

    private static DataProduct parse(ListedProduct listing) {
        return listing.contract().orThrow();
    }
}
