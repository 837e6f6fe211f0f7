package io.meshbone.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class DidYouMeanTest {

    @Test
    void suggestsTheClosestAllowedWordForATypoOnly() {
        List<String> allowed = List.of("version", "type", "retention", "classification");

        assertThat(DidYouMean.suggest("retension", allowed)).contains("retention");
        assertThat(DidYouMean.suggest("clasification", allowed)).contains("classification");
        assertThat(DidYouMean.suggest("RETENTION", allowed)).contains("retention");
        assertThat(DidYouMean.suggest("colour", allowed)).isEmpty();
        assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
    }

    @Test
    void listsTheClosestNamesFirstWithinOneThreshold() {
        List<String> products = List.of("orders.order-placed", "orders.order-status", "payments.payment-settled");

        assertThat(DidYouMean.closest("orders.order-plaecd", products, 3)).containsExactly("orders.order-placed");
        assertThat(DidYouMean.closest("orders.order-placd", products, 3)).containsExactly("orders.order-placed");
        assertThat(DidYouMean.closest("nothing.like-it", products, 3)).isEmpty();
        assertThat(DidYouMean.closest("ab", List.of("ac", "ab", "xb", "zz"), 2)).containsExactly("ab", "ac");
        assertThat(DidYouMean.tolerance("key")).isEqualTo(1);
        assertThat(DidYouMean.tolerance("orders.order-placed")).isEqualTo(3);
    }
}
