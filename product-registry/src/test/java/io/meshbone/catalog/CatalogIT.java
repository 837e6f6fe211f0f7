package io.meshbone.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshbone.platform.lineage.LineageEmitter;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.localkafka.testing.SharedKafka;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every catalog endpoint over HTTP against a real mesh (broker, registry, governance, domain apps, demo traffic). */
@ExtendWith({SharedKafka.class, SharedCatalogMesh.class})
class CatalogIT {

    private static final List<String> EXAMPLES = CatalogMesh.EXAMPLES;

    private static URI catalog;

    @BeforeAll
    static void catalogListsTheExamples(CatalogMesh mesh) {
        catalog = mesh.catalogUrl();
        await().atMost(Duration.ofSeconds(30)).until(() -> names(Http.get(catalog, "/api/products").json()).containsAll(EXAMPLES));
    }

    private static List<String> names(JsonNode answer) {
        List<String> names = new ArrayList<>();
        answer.path("products").forEach(p -> names.add(p.path("name").asText()));
        return names;
    }

    @Test
    void searchRanksNameMatchesFirstAndMatchesFieldDocs() throws Exception {
        List<String> byName = names(Http.get(catalog, "/api/products?q=payment").json());
        assertThat(byName.get(0)).isEqualTo("payments.payment-settled");
        // "carrier" appears only in shipping's description; "E.164" only in a customer-profile field doc.
        assertThat(names(Http.get(catalog, "/api/products?q=carrier").json())).containsExactly("shipping.delivery-request");
        assertThat(names(Http.get(catalog, "/api/products?q=e.164").json())).containsExactly("customers.customer-profile");
        assertThat(names(Http.get(catalog, "/api/products?q=no-such-word-anywhere").json())).isEmpty();
    }

    @Test
    void searchFiltersByDomainTagOwnerAndClassification() throws Exception {
        assertThat(names(Http.get(catalog, "/api/products?domain=orders").json()))
                .containsExactlyInAnyOrder("orders.order-placed", "orders.order-status", "orders.revenue-by-hour");
        assertThat(names(Http.get(catalog, "/api/products?tag=checkout").json())).containsExactly("orders.order-placed");
        assertThat(names(Http.get(catalog, "/api/products?owner=team-customers@example.com").json()))
                .containsExactlyInAnyOrder("customers.customer-profile", "customers.customer-history");
        assertThat(names(Http.get(catalog, "/api/products?classification=restricted").json())).containsExactly("shipping.delivery-request");
        assertThat(names(Http.get(catalog, "/api/products?q=order&domain=shipping").json())).containsExactly("shipping.delivery-request");
    }

    @Test
    void rejectsBadQueriesWithAJsonMessage() throws Exception {
        Http.Answer classification = Http.get(catalog, "/api/products?classification=secret");
        assertThat(classification.status()).isEqualTo(400);
        assertThat(classification.json().path("message").asText()).contains("secret").contains("restricted");
        Http.Answer unknown = Http.get(catalog, "/api/products?colour=red");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("message").asText()).contains("colour");
    }

    @Test
    void unknownProductIs404WithTheClosestNames() throws Exception {
        Http.Answer answer = Http.get(catalog, "/api/products/orders.order-plaecd");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.json().path("message").asText()).contains("orders.order-plaecd").contains("orders.order-placed");
        assertThat(answer.json().path("closest").get(0).asText()).isEqualTo("orders.order-placed");
        assertThat(Http.get(catalog, "/api/products/nothing.like-it/sample").status()).isEqualTo(404);
    }

    @Test
    void productShowsAddressContractHistoryLineageAndLiveHealth() throws Exception {
        JsonNode placed = Http.get(catalog, "/api/products/orders.order-placed").json();
        JsonNode address = placed.path("address");
        assertThat(address.path("topic").asText()).isEqualTo("orders.order-placed.v1");
        assertThat(address.path("stagingTopic").asText()).isEqualTo("orders.order-placed.v1.staging");
        assertThat(address.path("dlqTopic").asText()).isEqualTo("orders.order-placed.v1.dlq");
        assertThat(address.path("subjects").path("value").asText()).isEqualTo("orders.order-placed.v1-value");
        assertThat(address.path("valueSchemaId").asInt()).isPositive();
        assertThat(address.path("bootstrapServers").asText()).isNotBlank();
        assertThat(placed.path("contract").path("descriptor").asText()).contains("name: order-placed");
        assertThat(placed.path("contract").path("fields").findValuesAsText("name")).contains("orderId", "totalAmount", "itemCount");
        assertThat(placed.path("versions").size()).isPositive();
        assertThat(placed.path("decisions").findValuesAsText("outcome")).contains("ACCEPTED");
        assertThat(placed.path("upstream")).isEmpty();
        assertThat(placed.path("downstream").toString()).contains("orders.order-status", "shipping.delivery-request");
        JsonNode status = Http.get(catalog, "/api/products/orders.order-status").json();
        assertThat(status.path("upstream").toString()).contains("orders.order-placed", "payments.payment-settled");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode health = Http.get(catalog, "/api/products/orders.order-placed").json().path("health");
            assertThat(health.path("recordsInPerSec").asDouble()).isPositive();
            assertThat(health.path("recordsOutPerSec").asDouble()).isPositive();
            assertThat(health.path("sloStatus").asText()).isEqualTo("OK");
            assertThat(health.path("freshnessSlo").asText()).isEqualTo("PT1M");
            assertThat(health.path("newestRecordAgeMs").asLong()).isBetween(0L, 60_000L);
            assertThat(health.path("series").size()).isPositive();
        });
    }

    @Test
    void deadLettersAreCountedByCodeWithTheirReasons() throws Exception {
        // The demo traffic sends an order without items about once in forty: the gate dead-letters it.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode health = Http.get(catalog, "/api/products/orders.order-placed").json().path("health");
            assertThat(health.path("dlqByCode").path("QUALITY_RULE_FAILED").asLong()).isPositive();
            assertThat(health.path("dlqReasons").get(0).path("reason").asText()).contains("has-items");
            assertThat(health.path("dlqPerSecByCode").has("QUALITY_RULE_FAILED")).as("rate by code: %s", health).isTrue();
        });
    }

    @Test
    void sampleDecodesTheNewestRecordsAndMasksPii() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() ->
                Http.get(catalog, "/api/products/customers.customer-profile/sample?n=3").json().path("records").size() == 3);
        JsonNode records = Http.get(catalog, "/api/products/customers.customer-profile/sample?n=3").json().path("records");
        for (JsonNode record : records) {
            JsonNode value = record.path("value");
            assertThat(value.path("customerId").asText()).startsWith("customer-");
            assertThat(value.path("country").asText()).hasSize(2);
            assertThat(value.path("email").asText()).isEqualTo("***");
            assertThat(value.path("fullName").asText()).isEqualTo("***");
        }
        await().atMost(Duration.ofSeconds(60)).until(() ->
                Http.get(catalog, "/api/products/orders.order-placed/sample?n=1").json().path("records").size() == 1);
        JsonNode order = Http.get(catalog, "/api/products/orders.order-placed/sample?n=1").json().path("records").get(0).path("value");
        assertThat(order.path("totalAmount").isNumber()).as("decimal as a number: %s", order).isTrue();
        assertThat(order.path("channel").asText()).isIn("WEB", "MOBILE", "STORE");
    }

    @Test
    void sampleRejectsACountOutOfRange() throws Exception {
        for (String n : List.of("0", "101", "ten")) {
            Http.Answer answer = Http.get(catalog, "/api/products/orders.order-placed/sample?n=" + n);
            assertThat(answer.status()).as("n=%s", n).isEqualTo(400);
            assertThat(answer.json().path("message").asText()).contains("n must be");
        }
    }

    @Test
    void domainsListEachDomainWithItsProducts() throws Exception {
        JsonNode domains = Http.get(catalog, "/api/domains").json().path("domains");
        assertThat(domains.findValuesAsText("name")).containsExactly("customers", "orders", "payments", "shipping");
        assertThat(domains.get(1).path("products").toString()).contains("orders.order-placed", "orders.revenue-by-hour");
    }

    @Test
    void lineageIsTheWholeGraphWithContractEdgesAcrossDomains() throws Exception {
        JsonNode graph = Http.get(catalog, "/api/lineage").json();
        assertThat(graph.path("nodes").findValuesAsText("id")).containsAll(EXAMPLES);
        List<String> edges = new ArrayList<>();
        graph.path("edges").forEach(e -> edges.add(e.path("from").asText() + "->" + e.path("to").asText()));
        assertThat(edges).contains("customers.customer-profile->shipping.delivery-request",
                "payments.payment-settled->orders.order-status", "orders.order-placed->orders.revenue-by-hour");
        assertThat(edges).noneMatch(e -> e.startsWith("orders.order-placed->payments"));
    }

    /**
     * The running shipping app reports reading exactly what its contract declares: the catalog lists each such edge
     * once, as a contract edge, with every node in its domain.
     */
    @Test
    void lineageListsAnEdgeBothAContractAndARunningAppDeclareOnce() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode graph = Http.get(catalog, "/api/lineage").json();
            List<String> edges = new ArrayList<>();
            graph.path("edges").forEach(e -> edges.add(e.path("from").asText() + "->" + e.path("to").asText() + " "
                    + e.path("source").asText() + " " + e.path("job").asText(null)));
            assertThat(edges)
                    .contains("orders.order-placed->shipping.delivery-request contract null",
                            "customers.customer-profile->shipping.delivery-request contract null")
                    .filteredOn(e -> e.contains("->shipping.")).hasSize(2);
            List<String> nodes = new ArrayList<>();
            graph.path("nodes").forEach(n -> nodes.add(n.path("id").asText() + " " + n.path("domain").asText()));
            assertThat(nodes).contains("orders.order-placed orders", "customers.customer-profile customers",
                    "shipping.delivery-request shipping");
        });
    }

    @Test
    void lineageAddsOpenLineageJobsThatReadOneProductAndWriteAnother(CatalogMesh mesh) throws Exception {
        // A domain app reading payments and staging customer history: an edge no contract declares.
        try (LineageEmitter emitter = new LineageEmitter(mesh.clientConfig(), "catalog-it", "catalog-it-enricher", "STREAMING")) {
            emitter.report(List.of("payments.payment-settled.v1"), List.of("customers.customer-history.v1.staging"));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode edges = Http.get(catalog, "/api/lineage").json().path("edges");
            assertThat(edges).anySatisfy(e -> {
                assertThat(e.path("from").asText()).isEqualTo("payments.payment-settled");
                assertThat(e.path("to").asText()).isEqualTo("customers.customer-history");
                assertThat(e.path("source").asText()).isEqualTo("lineage");
                assertThat(e.path("job").asText()).isEqualTo("catalog-it-enricher");
            });
        });
        assertThat(Http.get(catalog, "/api/products/customers.customer-history").json().path("upstream").toString())
                .contains("payments.payment-settled", "customers.customer-profile");
    }

    @Test
    void aJobReportedInPartsIsOneJobUnderItsOwnName(CatalogMesh mesh) throws Exception {
        // Part 1 reads customer-profile, part 2 writes payments: only the whole job reads one and writes the other.
        try (LineageEmitter emitter = new LineageEmitter(mesh.clientConfig(), "catalog-it", "catalog-it-parted", "STREAMING")) {
            emitter.report(1, List.of("customers.customer-profile.v1"), List.of());
            emitter.report(2, List.of(), List.of("payments.payment-settled.v1.staging"));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode edges = Http.get(catalog, "/api/lineage").json().path("edges");
            assertThat(edges).anySatisfy(e -> {
                assertThat(e.path("from").asText()).isEqualTo("customers.customer-profile");
                assertThat(e.path("to").asText()).isEqualTo("payments.payment-settled");
                assertThat(e.path("job").asText()).isEqualTo("catalog-it-parted");
            });
            assertThat(edges).noneSatisfy(e -> assertThat(e.path("job").asText()).contains(".part-"));
        });
        assertThat(Http.get(catalog, "/api/products/payments.payment-settled").json().path("upstream").toString())
                .contains("customers.customer-profile");
    }

    @Test
    void postAppliesAContractAndAnswersWithTheDecision() throws Exception {
        Path folder = CatalogMesh.SCHEMAS.resolve("payments");
        String body = MeshJson.write(Map.of(
                "descriptorPath", "payments/payment-settled.product.yaml",
                "descriptor", Files.readString(folder.resolve("payment-settled.product.yaml")),
                "files", Map.of("payment-settled.avsc", Files.readString(folder.resolve("payment-settled.avsc"))),
                "principal", CatalogMesh.PRINCIPAL));
        Http.Answer same = Http.post(catalog, "/api/products", body);
        assertThat(same.status()).as(same.body()).isEqualTo(200);
        assertThat(same.json().path("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(same.json().path("changed").asBoolean()).isFalse();

        String broken = body.replace("owner: team-payments@example.com", "owner: ''");
        Http.Answer rejected = Http.post(catalog, "/api/products", broken);
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(422);
        assertThat(rejected.json().path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(rejected.json().path("reasons").toString()).contains("metadata.owner");
    }

    @Test
    void postRejectsABodyThatIsNotAnApplyRequest() throws Exception {
        Http.Answer notJson = Http.post(catalog, "/api/products", "apiVersion: meshbone/v1");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().path("message").asText()).isNotBlank();
        Http.Answer noDescriptor = Http.post(catalog, "/api/products", "{\"files\": {}}");
        assertThat(noDescriptor.status()).isEqualTo(400);
        assertThat(noDescriptor.json().path("message").asText()).contains("descriptor");
    }

    @Test
    void metricsArePrometheusTextWithTheGateMeters() throws Exception {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Http.Answer metrics = Http.get(catalog, "/metrics");
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.contentType()).startsWith("text/plain");
            assertThat(metrics.body()).contains("mesh_gate_records_in").contains("product=\"orders.order-placed\"");
        });
    }

    @Test
    void healthSaysTheCatalogHasCaughtUpWithTheMesh() throws Exception {
        JsonNode health = Http.get(catalog, "/api/health").json();
        assertThat(health.path("caughtUp").asBoolean()).isTrue();
        assertThat(health.path("products").asInt()).isGreaterThanOrEqualTo(EXAMPLES.size());
    }

    @Test
    void unknownPathsAndMethodsAreJsonErrors() throws Exception {
        Http.Answer missing = Http.get(catalog, "/api/nothing");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("message").asText()).contains("/api/nothing");
        Http.Answer method = Http.delete(catalog, "/api/products/orders.order-placed");
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.json().path("message").asText()).contains("DELETE");
        assertThat(Http.get(catalog, "/no-such-page.html").status()).isEqualTo(404);
    }
}
