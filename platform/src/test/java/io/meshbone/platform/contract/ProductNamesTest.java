package io.meshbone.platform.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProductNamesTest {

    @Test
    void derivesEveryPublicNameFromDomainProductAndMajor() {
        ProductNames names = new ProductNames("orders", "order-placed", 2);

        assertThat(names.productName()).isEqualTo("orders.order-placed");
        assertThat(names.topic()).isEqualTo("orders.order-placed.v2");
        assertThat(names.stagingTopic()).isEqualTo("orders.order-placed.v2.staging");
        assertThat(names.dlqTopic()).isEqualTo("orders.order-placed.v2.dlq");
        assertThat(names.valueSubject()).isEqualTo("orders.order-placed.v2-value");
        assertThat(names.keySubject()).isEqualTo("orders.order-placed.v2-key");
        assertThat(names.stagingValueSubject()).isEqualTo("orders.order-placed.v2.staging-value");
        assertThat(names.stagingKeySubject()).isEqualTo("orders.order-placed.v2.staging-key");
    }

    @Test
    void acceptsOnlyLowerKebabParts() {
        assertThat(ProductNames.isNamePart("order-placed")).isTrue();
        assertThat(ProductNames.isNamePart("v2-feed")).isTrue();
        assertThat(ProductNames.isNamePart("OrderPlaced")).isFalse();
        assertThat(ProductNames.isNamePart("order--placed")).isFalse();
        assertThat(ProductNames.isNamePart("-order")).isFalse();
        assertThat(ProductNames.isNamePart("order-")).isFalse();
        assertThat(ProductNames.isNamePart("2fast")).isFalse();
        assertThat(ProductNames.isNamePart("order_placed")).isFalse();
        assertThat(ProductNames.isProductName("orders.order-placed")).isTrue();
        assertThat(ProductNames.isProductName("orders")).isFalse();
        assertThat(ProductNames.isProductName("a.b.c")).isFalse();
    }

    @Test
    void rejectsANamePartThatIsNotLowerKebab() {
        assertThatThrownBy(() -> new ProductNames("Orders", "order-placed", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("domain 'Orders' is not lower-kebab");
    }

    @Test
    void theTopicGenerationIsTheMajorVersion() {
        DataProduct order = ProductDescriptors.read(Fixtures.valid().resolve("orders/order-placed.product.yaml"));

        assertThat(ProductNames.of(order)).isEqualTo(new ProductNames("orders", "order-placed", 2));
    }
}
