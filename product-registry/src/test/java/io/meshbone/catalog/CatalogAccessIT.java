package io.meshbone.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.localkafka.testing.TestTopics;
import io.meshbone.platform.control.MeshTopics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Access requests, grants, PII clearance, domains and the signed-in view through the catalog's REST API, decided by the
 * contract gate on the shared mesh (the examples are owned by {@link CatalogMesh#PRINCIPAL}, as in open-mode {@code up}).
 */
@ExtendWith({SharedKafka.class, SharedCatalogMesh.class})
class CatalogAccessIT {

    private static final String PROFILE = "customers.customer-profile";
    private static final String OWNER = CatalogMesh.PRINCIPAL;
    private static final String SUFFIX = TestTopics.letters(6);
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static URI catalog;
    private static Map<String, Object> clientConfig;

    @BeforeAll
    static void catalogListsTheExamples(CatalogMesh mesh) {
        catalog = mesh.catalogUrl();
        clientConfig = mesh.clientConfig();
        await().atMost(WAIT).until(() -> Http.get(catalog, "/api/products/" + PROFILE).status() == 200);
    }

    @Test
    void aRequestApprovedByTheOwnerShowsAsAGrantWithItsReasonAndClearsPii() throws Exception {
        String analyst = "User:app-analyst" + SUFFIX;
        Http.Answer asked = Http.post(catalog, "/api/access-requests", """
                {"product": "%s", "reason": "churn model", "pii": true, "principal": "%s"}""".formatted(PROFILE, analyst));
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        assertThat(asked.json().path("kind").asText()).isEqualTo("ACCESS_REQUEST");
        String id = asked.json().path("requestId").asText();
        JsonNode pending = await().atMost(WAIT).until(() -> Http.get(catalog,
                "/api/access-requests?product=" + PROFILE + "&status=pending").json().path("requests"), r -> ids(r).contains(id));
        assertThat(pending.findValuesAsText("reason")).contains("churn model");

        Http.Answer byStranger = Http.post(catalog, "/api/access-requests/" + id + "/approve",
                "{\"principal\": \"" + analyst + "\"}");
        assertThat(byStranger.status()).isEqualTo(422);
        assertThat(byStranger.json().path("reasons").get(0).asText()).contains(analyst + " may not approve " + PROFILE);

        Http.Answer approved = Http.post(catalog, "/api/access-requests/" + id + "/approve", "{\"principal\": \"" + OWNER + "\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("kind").asText()).isEqualTo("ACCESS_GRANT");

        JsonNode grant = await().atMost(WAIT).until(() -> find(Http.get(catalog, "/api/products/" + PROFILE + "/grants").json()
                .path("grants"), "principal", analyst), g -> g != null);
        assertThat(grant.path("reason").asText()).isEqualTo("churn model");
        assertThat(grant.path("pii").asBoolean()).isTrue();
        assertThat(grant.path("since").asText()).isNotEmpty();
        await().atMost(WAIT).until(() -> Http.get(catalog, "/api/access-requests?status=approved&principal=" + analyst).json()
                .path("requests"), r -> ids(r).contains(id));
        // The product page's decision history carries the grant.
        assertThat(Http.get(catalog, "/api/products/" + PROFILE).json().path("decisions").findValuesAsText("kind"))
                .contains("ACCESS_GRANT");

        JsonNode cleared = sample("?n=1&principal=" + analyst);
        assertThat(cleared.path("email").asText()).isNotEqualTo("***").contains("@");
        JsonNode me = Http.get(catalog, "/api/me?principal=" + analyst).json();
        assertThat(me.path("principal").asText()).isEqualTo(analyst);
        assertThat(me.path("reads").findValuesAsText("product")).contains(PROFILE);
        assertThat(names(me.path("canRequest"))).contains("orders.order-placed").doesNotContain(PROFILE);
        assertThat(me.path("owns")).isEmpty();
    }

    @Test
    void piiIsMaskedForAPrincipalNotClearedAndForACallThatNamesNone() throws Exception {
        await().atMost(WAIT).until(() -> Http.get(catalog, "/api/products/" + PROFILE + "/sample?n=1").json()
                .path("records").size() == 1);
        assertThat(sample("?n=1").path("email").asText()).isEqualTo("***");
        assertThat(sample("?n=1&principal=User:app-nobody" + SUFFIX).path("fullName").asText()).isEqualTo("***");
        assertThat(sample("?n=1&principal=" + OWNER).path("email").asText()).isNotEqualTo("***").contains("@");
        // A grant without PII lets the principal read, but not see PII.
        String reader = "User:app-reader" + SUFFIX;
        String id = Http.post(catalog, "/api/access-requests", """
                {"product": "%s", "reason": "counts only", "pii": false, "principal": "%s"}""".formatted(PROFILE, reader))
                .json().path("requestId").asText();
        await().atMost(WAIT).until(() -> Http.post(catalog, "/api/access-requests/" + id + "/approve",
                "{\"principal\": \"" + OWNER + "\"}").status() != 404);
        await().atMost(WAIT).until(() -> Http.get(catalog, "/api/products/" + PROFILE + "/clearance?principal=" + reader)
                .json().path("reads").asText(), "grant"::equals);
        assertThat(Http.get(catalog, "/api/products/" + PROFILE + "/clearance?principal=" + reader).json().path("pii")
                .asBoolean()).isFalse();
        assertThat(sample("?n=1&principal=" + reader).path("email").asText()).isEqualTo("***");
    }

    @Test
    void aDenialIsRecordedWithItsReason() throws Exception {
        String hopeful = "User:app-hopeful" + SUFFIX;
        String id = Http.post(catalog, "/api/access-requests", """
                {"product": "orders.order-placed", "reason": "resell it", "principal": "%s"}""".formatted(hopeful))
                .json().path("requestId").asText();
        await().atMost(WAIT).until(() -> ids(Http.get(catalog, "/api/access-requests?status=pending").json().path("requests"))
                .contains(id));
        Http.Answer denied = Http.post(catalog, "/api/access-requests/" + id + "/deny",
                "{\"principal\": \"" + OWNER + "\", \"reason\": \"no reselling\"}");
        assertThat(denied.status()).as(denied.body()).isEqualTo(200);
        JsonNode request = await().atMost(WAIT).until(() -> find(Http.get(catalog, "/api/access-requests?status=denied")
                .json().path("requests"), "id", id), r -> r != null);
        assertThat(request.path("decidedBy").asText()).isEqualTo(OWNER);
        assertThat(request.path("reasons").get(0).asText()).contains("no reselling");
    }

    @Test
    void badAccessCallsAreRefusedWithAReason() throws Exception {
        assertThat(Http.post(catalog, "/api/access-requests", "{\"product\": \"nothing.here\", \"reason\": \"x\", \"principal\": \"User:a\"}")
                .status()).isEqualTo(404);
        Http.Answer noPrincipal = Http.post(catalog, "/api/access-requests", "{\"product\": \"" + PROFILE + "\", \"reason\": \"x\"}");
        assertThat(noPrincipal.status()).isEqualTo(400);
        assertThat(noPrincipal.json().path("message").asText()).contains("principal");
        assertThat(Http.post(catalog, "/api/access-requests", "[1, 2]").status()).isEqualTo(400);
        Http.Answer noReason = Http.post(catalog, "/api/access-requests", """
                {"product": "%s", "reason": "", "principal": "User:app-x"}""".formatted(PROFILE));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().path("reasons").get(0).asText()).startsWith("reason:");
        assertThat(Http.post(catalog, "/api/access-requests/no-such-id/approve", "{\"principal\": \"" + OWNER + "\"}").status())
                .isEqualTo(404);
        assertThat(Http.get(catalog, "/api/access-requests?status=maybe").status()).isEqualTo(400);
    }

    @Test
    void theAdminCreatesADomainAndATransferApprovedByItsOwnerMovesIt() throws Exception {
        String domain = "catalogdomain" + SUFFIX;
        String central = "User:central" + SUFFIX;
        String team = "User:team-" + domain;
        Http.Answer byTeam = Http.post(catalog, "/api/domains", """
                {"name": "%s", "owner": "%s", "principal": "%s"}""".formatted(domain, team, team));
        assertThat(byTeam.status()).isEqualTo(422);
        assertThat(byTeam.json().path("reasons").get(0).asText()).contains("only the admin");
        Http.Answer created = Http.post(catalog, "/api/domains", """
                {"name": "%s", "owner": "%s", "principal": "User:admin"}""".formatted(domain, central));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        await().atMost(WAIT).until(() -> Http.get(catalog, "/api/domains/" + domain).json().path("owner").asText(), central::equals);

        Http.Answer asked = Http.post(catalog, "/api/domains/" + domain + "/transfer", """
                {"to": "%s", "reason": "domain team takes over", "principal": "%s"}""".formatted(team, team));
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        String id = asked.json().path("requestId").asText();
        await().atMost(WAIT).until(() -> ids(Http.get(catalog, "/api/domain-requests?domain=" + domain + "&status=pending")
                .json().path("requests")).contains(id));
        assertThat(Http.post(catalog, "/api/domain-requests/" + id + "/approve", "{\"principal\": \"" + team + "\"}").status())
                .isEqualTo(422);
        Http.Answer approved = Http.post(catalog, "/api/domain-requests/" + id + "/approve", "{\"principal\": \"" + central + "\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        JsonNode page = await().atMost(WAIT).until(() -> Http.get(catalog, "/api/domains/" + domain).json(),
                d -> team.equals(d.path("owner").asText()));
        assertThat(page.path("ownership").findValuesAsText("owner")).containsExactly(central, team);
        assertThat(page.path("ownership").get(1).path("decidedBy").asText()).isEqualTo(central);
        assertThat(page.path("decisions").findValuesAsText("kind")).contains("DOMAIN_CREATION", "DOMAIN_TRANSFER_REQUEST",
                "DOMAIN_TRANSFER");
        assertThat(Http.get(catalog, "/api/domains/nosuchdomain" + SUFFIX).status()).isEqualTo(404);
    }

    @Test
    void theOwnersViewListsWhatItOwnsAndWhatAwaitsItsDecision() throws Exception {
        String asker = "User:app-asker" + SUFFIX;
        String id = Http.post(catalog, "/api/access-requests", """
                {"product": "payments.payment-settled", "reason": "reconciliation", "principal": "%s"}""".formatted(asker))
                .json().path("requestId").asText();
        JsonNode me = await().atMost(WAIT).until(() -> Http.get(catalog, "/api/me?principal=" + OWNER).json(),
                m -> ids(m.path("toDecide")).contains(id));
        assertThat(names(me.path("owns"))).containsAll(CatalogMesh.EXAMPLES);
        // Other test classes list their own products in the shared mesh, under other principals: those it may request.
        assertThat(names(me.path("canRequest"))).doesNotContainAnyElementsOf(CatalogMesh.EXAMPLES)
                .doesNotContainAnyElementsOf(names(me.path("owns")));
        assertThat(ids(Http.get(catalog, "/api/me?principal=" + asker).json().path("pending"))).contains(id);
        assertThat(Http.get(catalog, "/api/me").status()).isEqualTo(400);
    }

    @Test
    void recordsWrittenStraightToTheAccessTopicsThatAreNotTheGatesAreSkipped() throws Exception {
        String domain = "forged" + SUFFIX;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(clientConfig, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(MeshTopics.ACCESS_GRANTS, PROFILE + "|User:forger", "not json")).get();
            producer.send(new ProducerRecord<>(MeshTopics.DOMAINS, domain,
                    "{\"domain\": \"elsewhere\", \"owner\": \"User:forger\"}")).get();
            producer.send(new ProducerRecord<>(MeshTopics.ACCESS_REQUESTS, PROFILE, "[1, 2, 3]")).get();
        }
        // A request made after them is still decided and shown: the reader went past them.
        String asker = "User:app-after" + SUFFIX;
        String id = Http.post(catalog, "/api/access-requests", "{\"product\": \"" + PROFILE
                + "\", \"reason\": \"after forgeries\", \"principal\": \"" + asker + "\"}").json().path("requestId").asText();
        await().atMost(WAIT).until(() -> ids(Http.get(catalog, "/api/access-requests?principal=" + asker).json()
                .path("requests")).contains(id));
        assertThat(find(Http.get(catalog, "/api/products/" + PROFILE + "/grants").json().path("grants"), "principal",
                "User:forger")).isNull();
        assertThat(Http.get(catalog, "/api/domains/" + domain).status()).isEqualTo(404);
        assertThat(Http.get(catalog, "/api/health").json().path("parts").toString()).contains("catalog-reader:access-topics")
                .doesNotContain("FAILED");
    }

    private static JsonNode sample(String query) throws Exception {
        return Http.get(catalog, "/api/products/" + PROFILE + "/sample" + query).json().path("records").get(0).path("value");
    }

    private static List<String> ids(JsonNode requests) {
        return requests.findValuesAsText("id");
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (value.equals(item.path(field).asText())) {
                return item;
            }
        }
        return null;
    }
}
