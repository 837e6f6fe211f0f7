package io.meshbone.platform.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshbone.platform.control.MeshJson;
import org.junit.jupiter.api.Test;

/** Choosing the cluster from a catalog answer: by region to read, the home cluster to publish. */
class ProductAddressTest {

    private static final JsonNode ISOLATED = tree("""
            {"address": {"bootstrapServers": "exchange:9092", "topic": "shipping.parcel-scanned.v1"},
             "servedOn": [{"cluster": "eu", "region": "eu", "bootstrapServers": "eu:9092", "home": true},
                          {"cluster": "exchange", "region": "us", "bootstrapServers": "exchange:9092", "home": false}]}""");
    private static final JsonNode COLOCATED = tree("""
            {"address": {"bootstrapServers": "kafka:9092", "topic": "shipping.parcel-scanned.v1"}}""");

    @Test
    void readsFromAClusterInTheCallersRegionAndPublishesAtHome() {
        assertThat(ProductAddress.from("p", ISOLATED, "eu", false).bootstrapServers()).isEqualTo("eu:9092");
        assertThat(ProductAddress.from("p", ISOLATED, "us", false).bootstrapServers()).isEqualTo("exchange:9092");
        assertThat(ProductAddress.from("p", ISOLATED, null, true).bootstrapServers()).isEqualTo("eu:9092");
    }

    @Test
    void fallsBackToTheCatalogsClusterWhenNoClusterIsInTheRegionOrThereIsNoServedOn() {
        assertThat(ProductAddress.from("p", ISOLATED, "apac", false).bootstrapServers()).isEqualTo("exchange:9092");
        assertThat(ProductAddress.from("p", COLOCATED, "eu", false).bootstrapServers()).isEqualTo("kafka:9092");
        assertThat(ProductAddress.from("p", COLOCATED, null, true).bootstrapServers()).isEqualTo("kafka:9092");
        assertThat(ProductAddress.from("p", COLOCATED, null, false).topic()).isEqualTo("shipping.parcel-scanned.v1");
    }

    @Test
    void signsInToTheCatalogWithTheRegistryClientsUserInfoUnlessAnotherSourceIsNamed() {
        MeshClientSettings settings = MeshClientSettings.of("http://catalog:8080");
        assertThat(settings.catalogUserInfo()).isNull();
        assertThat(settings.with("basic.auth.user.info", "team-orders:pw").catalogUserInfo()).isEqualTo("team-orders:pw");
        assertThat(settings.with("basic.auth.credentials.source", "USER_INFO").with("basic.auth.user.info", "team-orders:pw")
                .catalogUserInfo()).isEqualTo("team-orders:pw");
        assertThat(settings.with("basic.auth.credentials.source", "URL").with("basic.auth.user.info", "team-orders:pw")
                .catalogUserInfo()).isNull();
        assertThat(settings.with("basic.auth.user.info", " ").catalogUserInfo()).isNull();
    }

    @Test
    void carriesTheCatalogsDeprecationAndNoneWhenAbsentOrUnreadable() {
        JsonNode deprecated = tree("""
                {"address": {"bootstrapServers": "kafka:9092", "topic": "orders.order-placed.v1"},
                 "deprecation": {"sunset": "2027-06-30", "successor": "orders.order-accepted", "reason": null,
                                 "at": "2026-12-01T10:00:00Z", "by": "User:team-orders"}}""");
        assertThat(ProductAddress.from("orders.order-placed", deprecated, null, false).deprecation())
                .isEqualTo(new io.meshbone.platform.control.Deprecation(java.time.LocalDate.of(2027, 6, 30),
                        "orders.order-accepted", null, java.time.Instant.parse("2026-12-01T10:00:00Z"), "User:team-orders"));
        assertThat(ProductAddress.from("p", COLOCATED, null, false).deprecation()).isNull();
        assertThat(ProductAddress.from("p", tree("{\"deprecation\": {\"sunset\": \"soon\"}}"), null, false).deprecation()).isNull();
    }

    private static JsonNode tree(String json) {
        try {
            return MeshJson.tree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
