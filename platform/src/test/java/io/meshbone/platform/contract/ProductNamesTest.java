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
    void readsProductAndMajorBackOutOfAStagingTopicName() {
        assertThat(ProductNames.ofStagingTopic("orders.order-placed.v2.staging"))
                .contains(new ProductNames("orders", "order-placed", 2));
        assertThat(ProductNames.ofStagingTopic(new ProductNames("shipping", "v2-feed", 17).stagingTopic()))
                .contains(new ProductNames("shipping", "v2-feed", 17));
    }

    @Test
    void findsNoProductInATopicThatIsNotAStagingTopic() {
        for (String topic : new String[] {"orders.order-placed.v2", "orders.order-placed.v2.dlq", "orders.order-placed.staging",
                "orders.order-placed.vx.staging", "Orders.order-placed.v1.staging", "orders.order--placed.v1.staging",
                "a.b.c.v1.staging", "orders.order-placed.v1.staging.dlq", "_mesh.unlisted.dlq", ""}) {
            assertThat(ProductNames.ofStagingTopic(topic)).as(topic).isEmpty();
        }
    }

    @Test
    void findsNoProductWhenTheMajorDoesNotFitAnInt() {
        String topic = "orders.order-placed.v2147483648.staging";

        assertThat(ProductNames.STAGING_TOPIC.matcher(topic).matches()).as("the gate still reads it").isTrue();
        assertThat(ProductNames.ofStagingTopic(topic)).isEmpty();
        assertThat(ProductNames.ofStagingTopic("orders.order-placed.v2147483647.staging")).map(ProductNames::major)
                .contains(Integer.MAX_VALUE);
    }

    @Test
    void tellsStagingAndDeadLetterTopicsByTheirSuffix() {
        assertThat(ProductNames.isStagingTopic("orders.order-placed.v1.staging")).isTrue();
        assertThat(ProductNames.isStagingTopic("orders.order-placed.v1")).isFalse();
        assertThat(ProductNames.isDlqTopic("orders.order-placed.v1.dlq")).isTrue();
        assertThat(ProductNames.isDlqTopic("_mesh.unlisted.dlq")).isTrue();
        assertThat(ProductNames.isDlqTopic("orders.order-placed.v1.staging")).isFalse();
    }

    @Test
    void namesSubjectsAsConfluentsTopicNameStrategyDoes() {
        assertThat(ProductNames.subject("any-topic", false)).isEqualTo("any-topic-value");
        assertThat(ProductNames.subject("any-topic", true)).isEqualTo("any-topic-key");
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
