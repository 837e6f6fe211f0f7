package io.meshbone.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.meshbone.platform.contract.ParsedDescriptor;
import org.junit.jupiter.api.Test;

class ListedProductTest {

    // HostileControlPlaneIT found it: such a record on _mesh.products made contract() throw, which stopped the provisioner.
    @Test
    void aListingWithoutDescriptorPathOrDescriptorHasProblemsInsteadOfThrowing() {
        ParsedDescriptor noPath = new ListedProduct("ghost.x", null, "spec: 1", null, 0, null, "r", null, null, false).contract();
        assertThat(noPath.valid()).isFalse();
        assertThat(noPath.file()).isEqualTo("ghost.x");
        assertThat(noPath.problems()).isNotEmpty();

        ParsedDescriptor nothing = new ListedProduct(null, null, null, Map.of(), 0, null, null, null, null, false).contract();
        assertThat(nothing.valid()).isFalse();
        assertThat(nothing.problems()).singleElement().hasToString("null: (file): the file is empty (expected a DataProduct descriptor)");
    }

    @Test
    void aListingWithoutDeprecationWritesNoDeprecationFieldAndOneWithItReadsBack() throws Exception {
        ListedProduct plain = new ListedProduct("orders.x", "orders/x.product.yaml", "d", Map.of(), 1, null, "r", "User:a",
                java.time.Instant.parse("2026-12-01T00:00:00Z"), false);
        assertThat(MeshJson.write(plain)).doesNotContain("deprecation");
        assertThat(MeshJson.read(MeshJson.write(plain), ListedProduct.class)).isEqualTo(plain);

        ListedProduct deprecated = plain.withDeprecation(new Deprecation(java.time.LocalDate.of(2027, 6, 30), "orders.y",
                "moved", java.time.Instant.parse("2026-12-01T10:00:00Z"), "User:a"));
        assertThat(MeshJson.write(deprecated)).contains("\"sunset\":\"2027-06-30\"");
        assertThat(MeshJson.read(MeshJson.write(deprecated), ListedProduct.class)).isEqualTo(deprecated);
    }

    @Test
    void aDeprecateRequestReadsBackWithItsTermsAndAnApplyRequestWritesNone() throws Exception {
        ProductRequest deprecate = ProductRequest.deprecate("User:a", "orders.x", "2027-06-30", "orders.y", null);
        assertThat(MeshJson.read(MeshJson.write(deprecate), ProductRequest.class)).isEqualTo(deprecate);
        assertThat(MeshJson.write(ProductRequest.apply("User:a", "x.product.yaml", "d", Map.of()))).doesNotContain("deprecate");
    }
}
