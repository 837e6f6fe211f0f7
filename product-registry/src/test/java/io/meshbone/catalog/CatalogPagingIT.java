package io.meshbone.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.localkafka.testing.TestTopics;
import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.ProductRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /api/products} paged with {@code offset} and {@code limit}, and the list's summaries (written once per
 * listing) following a product re-listed with a new version and then deprecated, on a real mesh.
 */
@ExtendWith({SharedKafka.class, SharedCatalogMesh.class})
class CatalogPagingIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String OWNER = "User:team-lifecycle";
    private static final int PRODUCTS = 5;

    private static CatalogMesh mesh;
    private static String domain;

    @BeforeAll
    static void listProductsOfAFreshDomain(CatalogMesh shared) throws Exception {
        mesh = shared;
        domain = "paging" + TestTopics.letters(8);
        for (int i = 0; i < PRODUCTS; i++) {
            assertThat(list("feed-" + i, "1.0.0", "A feed to page through.").outcome()).isEqualTo(Decision.Outcome.ACCEPTED);
        }
        await().atMost(WAIT).until(() -> names(get("/api/products?domain=" + domain)).size() == PRODUCTS);
    }

    @Test
    void pagesFollowTheOrderOfTheWholeAnswerAndCountItsHits() throws Exception {
        String query = "/api/products?domain=" + domain + "&q=feed";
        JsonNode whole = get(query);
        assertThat(whole.has("total")).isFalse();
        List<String> all = names(whole);
        assertThat(all).hasSize(PRODUCTS);
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < PRODUCTS; offset += 2) {
            JsonNode page = get(query + "&limit=2&offset=" + offset);
            assertThat(page.path("total").asInt()).isEqualTo(PRODUCTS);
            assertThat(names(page)).hasSize(Math.min(2, PRODUCTS - offset));
            paged.addAll(names(page));
        }
        assertThat(paged).isEqualTo(all);
        assertThat(names(get(query + "&limit=3"))).isEqualTo(all.subList(0, 3));
        assertThat(names(get(query + "&offset=3"))).isEqualTo(all.subList(3, PRODUCTS));
        JsonNode beyond = get(query + "&offset=" + (PRODUCTS + 10) + "&limit=2");
        assertThat(names(beyond)).isEmpty();
        assertThat(beyond.path("total").asInt()).isEqualTo(PRODUCTS);
    }

    @Test
    void aPagingValueThatIsNotAWholeNumberFromZeroIs400NamingTheParameter() throws Exception {
        for (String parameter : List.of("limit", "offset")) {
            for (String bad : List.of("-1", "ten", "2.5", "99999999999")) {
                Http.Answer answer = Http.get(mesh.catalogUrl(), "/api/products?" + parameter + "=" + bad);
                assertThat(answer.status()).as(answer.body()).isEqualTo(400);
                assertThat(answer.json().path("status").asInt()).isEqualTo(400);
                assertThat(answer.json().path("message").asText())
                        .isEqualTo(parameter + " must be a whole number from 0 to 2147483647, got '" + bad + "'");
            }
        }
    }

    @Test
    void theListShowsAProductsNewListingAndItsDeprecation() throws Exception {
        String name = domain + ".feed-0";
        String query = "/api/products?domain=" + domain + "&q=feed-0";
        JsonNode before = only(get(query), name);
        assertThat(before.path("version").asText()).isEqualTo("1.0.0");
        assertThat(before.path("deprecation").isNull()).isTrue();

        assertThat(list("feed-0", "1.1.0", "A feed re-listed with a new description.").outcome())
                .isEqualTo(Decision.Outcome.ACCEPTED);
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode relisted = only(get(query), name);
            assertThat(relisted.path("version").asText()).isEqualTo("1.1.0");
            assertThat(relisted.path("description").asText()).isEqualTo("A feed re-listed with a new description.");
        });

        String sunset = LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();
        Decision deprecated = LifecycleRequests.send(mesh,
                ProductRequest.deprecate(OWNER, name, sunset, domain + ".feed-1", "feed-1 replaces it"));
        assertThat(deprecated.outcome()).as("%s", deprecated.reasons()).isEqualTo(Decision.Outcome.ACCEPTED);
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode hit = only(get(query), name);
            assertThat(hit.path("deprecation").path("sunset").asText()).isEqualTo(sunset);
            assertThat(hit.path("deprecation").path("successor").asText()).isEqualTo(domain + ".feed-1");
            assertThat(hit.path("version").asText()).isEqualTo("1.1.0");
        });
        // The paged answer shows the same summary.
        JsonNode page = get(query + "&limit=1");
        assertThat(page.path("products").get(0).path("deprecation").path("sunset").asText()).isEqualTo(sunset);
    }

    private static JsonNode only(JsonNode answer, String name) {
        assertThat(names(answer)).as(answer.toString()).contains(name);
        JsonNode first = answer.path("products").get(0);
        assertThat(first.path("name").asText()).isEqualTo(name);
        return first;
    }

    private static JsonNode get(String path) throws Exception {
        Http.Answer answer = Http.get(mesh.catalogUrl(), path);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static List<String> names(JsonNode answer) {
        List<String> names = new ArrayList<>();
        answer.path("products").forEach(p -> names.add(p.path("name").asText()));
        return names;
    }

    private static Decision list(String name, String version, String description) throws Exception {
        String schema = """
                {"type": "record", "name": "Feed", "namespace": "paging.it", "doc": "One entry of a feed.",
                 "fields": [{"name": "id", "type": "string", "doc": "The entry's id."}]}
                """;
        String descriptor = """
                apiVersion: meshbone/v1
                kind: DataProduct
                metadata:
                  name: %s
                  domain: %s
                  owner: team-lifecycle@example.com
                  description: %s
                spec:
                  version: %s
                  type: event
                  value: {schema: %s.avsc}
                  compatibility: BACKWARD
                  classification: internal
                  partitions: 1
                """.formatted(name, domain, description, version, name);
        return LifecycleRequests.send(mesh, ProductRequest.apply(OWNER, domain + "/" + name + ".product.yaml", descriptor,
                Map.of(name + ".avsc", schema)));
    }
}
