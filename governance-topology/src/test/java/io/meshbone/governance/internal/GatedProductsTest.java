package io.meshbone.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.meshbone.platform.control.ListedProduct;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** The gate's compiled products: one build per listing, and per product only the current and the previous version kept. */
class GatedProductsTest {

    private final List<GatedProduct> built = new ArrayList<>();
    private final GatedProducts products = new GatedProducts(new SimpleMeterRegistry(), built::add);

    @Test
    void buildsEachListingOnceAndKeepsTwoVersionsPerProduct() {
        Instant t = Instant.parse("2026-12-01T00:00:00Z");
        ListedProduct v1 = listing("shop.scan", "1.0.0", "req-1", t);
        ListedProduct v2 = listing("shop.scan", "1.1.0", "req-2", t.plusSeconds(1));
        ListedProduct v3 = listing("shop.scan", "1.2.0", "req-3", t.plusSeconds(2));

        GatedProduct first = products.forListing(v1);
        assertThat(products.forListing(v1)).isSameAs(first);
        GatedProduct second = products.forListing(v2);
        // A task that still reads the older listing gets the compiled one, not a rebuild.
        assertThat(products.forListing(v1)).isSameAs(first);
        assertThat(products.forListing(v2)).isSameAs(second);
        products.forListing(v3);
        products.forListing(listing("shop.other", "1.0.0", "req-4", t));

        assertThat(built).extracting(p -> p.listing().requestId()).containsExactly("req-1", "req-2", "req-3", "req-4");
        assertThat(products.compiled()).as("shop.scan keeps 1.2.0 and 1.1.0, shop.other its one").isEqualTo(3);
        assertThat(products.forListing(v2)).isSameAs(second);
    }

    @Test
    void anOlderListingSeenLateDoesNotReplaceTheNewer() {
        Instant t = Instant.parse("2026-12-01T00:00:00Z");
        ListedProduct newer = listing("shop.scan", "1.1.0", "req-new", t.plusSeconds(5));
        ListedProduct older = listing("shop.scan", "1.0.0", "req-old", t);
        GatedProduct current = products.forListing(newer);
        products.forListing(older);
        products.forListing(listing("shop.scan", "1.0.1", "req-between", t.plusSeconds(1)));

        assertThat(products.forListing(newer)).isSameAs(current);
        assertThat(built).hasSize(3);
    }

    private static ListedProduct listing(String name, String version, String requestId, Instant at) {
        String product = name.substring(name.indexOf('.') + 1);
        String descriptor = """
                apiVersion: meshbone/v1
                kind: DataProduct
                metadata:
                  name: %s
                  domain: shop
                  owner: team-shop@example.com
                  description: Scans.
                spec:
                  version: %s
                  type: event
                  value: {schema: scan.avsc}
                  compatibility: BACKWARD
                  classification: internal
                  partitions: 1
                  retention: 1d
                  quality:
                    - {name: positive-weight, rule: "value.weight > 0", onFailure: dlq}
                """.formatted(product, version);
        String avsc = """
                {"type": "record", "name": "Scan", "namespace": "shop.scans",
                 "fields": [{"name": "weight", "type": "double", "doc": "Weight."}]}""";
        return new ListedProduct(name, "shop/" + product + ".product.yaml", descriptor, Map.of("scan.avsc", avsc), 1, null,
                requestId, "User:test", at, false);
    }
}
