package io.meshbone.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshbone.governance.Governance;
import io.meshbone.governance.GovernanceSettings;
import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.platform.contract.ProductDescriptors;
import io.meshbone.platform.control.ContractClient;
import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.registry.SchemaRegistryServer;
import io.meshbone.registry.SchemaRegistrySettings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Arbitrary requests to every catalog endpoint of a real catalog, with the schema registry and governance on the
 * shared broker and one product listed: random query parameters, names, sample sizes, methods and content types, and
 * random JSON as {@code POST /api/products} bodies (textual descriptors go through the real contract gate and come
 * back rejected within a second). Every answer is 2xx or 4xx, and every 4xx is {@code {"status": …, "message": "…"}}.
 */
class CatalogFuzzIT {

    private static final String PRODUCT = "payments.payment-settled";
    private static final String OWNER = "User:fuzz-owner";
    private static final Path PAYMENTS = CatalogMesh.SCHEMAS.resolve("payments/payment-settled" + ProductDescriptors.SUFFIX);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Deque<AutoCloseable> PARTS = new ArrayDeque<>();

    private static URI catalog;

    @BeforeContainer
    static void start() throws Exception {
        KafkaCluster kafka = SharedKafka.acquire();
        SchemaRegistryServer registry = add(SchemaRegistryServer.start(SchemaRegistrySettings.defaults(kafka.bootstrapServers())
                .withHost("127.0.0.1").withPort(0)));
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Governance governance = add(Governance.start(new GovernanceSettings(kafka.clientConfig(), registry.url().toString(),
                Files.createTempDirectory("catalog-fuzz-"), meters, Duration.ofSeconds(30))));
        await().atMost(Duration.ofSeconds(120)).until(governance::running);
        catalog = add(CatalogServer.start(CatalogSettings.defaults(kafka.bootstrapServers(), registry.url().toString())
                .withHost("127.0.0.1").withPort(0).withMeters(meters))).url();
        try (ContractClient contracts = new ContractClient(kafka.clientConfig())) {
            Decision decision = contracts.apply(ContractClient.request(PAYMENTS, "payments/payment-settled.product.yaml", OWNER),
                    Duration.ofSeconds(60));
            assertThat(decision.accepted()).as("%s", decision.reasons()).isTrue();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> send("GET", "/api/products/" + PRODUCT, null, null).statusCode() == 200);
    }

    private static <T extends AutoCloseable> T add(T part) {
        PARTS.push(part);
        return part;
    }

    @AfterContainer
    static void stop() throws Exception {
        while (!PARTS.isEmpty()) {
            PARTS.pop().close();
        }
        SharedKafka.release();
    }

    @Property(tries = 300)
    void everyAnswerIs2xxOr4xxAndEveryErrorHasStatusAndMessage(@ForAll("requests") FuzzRequest request) throws Exception {
        HttpResponse<String> answer = send(request.method(), request.path(), request.body(), request.contentType());
        String shown = request + " -> " + answer.statusCode() + " " + answer.body();
        Statistics.label("status").collect(request.method() + " " + answer.statusCode());
        // 503 is how /api/health says a part failed; nothing fails here, so it too would be a finding.
        assertThat(answer.statusCode()).as(shown).isBetween(200, 499);
        if (answer.statusCode() >= 400 && !request.method().equals("HEAD")) {
            JsonNode error = MeshJson.tree(answer.body());
            if (answer.statusCode() == 422 && request.method().equals("POST")) {
                // A rejection answers the gate's Decision (README: 422 rejected), every reason in it.
                assertThat(error.path("outcome").asText()).as(shown).isEqualTo("REJECTED");
                assertThat(error.path("reasons")).as(shown).isNotEmpty();
                return;
            }
            assertThat(error.path("status").asInt()).as(shown).isEqualTo(answer.statusCode());
            assertThat(error.path("status").isInt()).as(shown).isTrue();
            assertThat(error.path("message").isTextual()).as(shown).isTrue();
        }
    }

    /** One request: method, path with its query, body (null for none) and content type. */
    record FuzzRequest(String method, String path, String body, String contentType) {
    }

    @Provide
    Arbitrary<FuzzRequest> requests() {
        Arbitrary<FuzzRequest> gets = Combinators.combine(paths(), Arbitraries.of("GET", "GET", "GET", "DELETE", "PUT", "HEAD", "OPTIONS", "PATCH"))
                .as((path, method) -> new FuzzRequest(method, path, method.equals("PUT") ? "{}" : null, "application/json"));
        Arbitrary<FuzzRequest> applies = Combinators.combine(CatalogFuzzJson.applyBodies(PAYMENTS), CatalogFuzzJson.contentTypes())
                .as((body, type) -> new FuzzRequest("POST", "/api/products", body, type));
        return Arbitraries.frequencyOf(Tuple.of(3, gets), Tuple.of(2, applies));
    }

    private static Arbitrary<String> paths() {
        Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of(PRODUCT, "payments.payment-setled", "", "..", "%2e%2e", "a.b",
                        "payments.payment-settled.v1", "%00", "%C3%A9"),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(60).map(CatalogFuzzIT::encode),
                Arbitraries.strings().alpha().ofLength(3000));
        Arbitrary<String> queryName = Arbitraries.oneOf(Arbitraries.of("q", "domain", "tag", "owner", "classification", "n", "x"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8));
        Arbitrary<String> query = Combinators.combine(queryName, CatalogFuzzJson.queryValues()).as((k, v) -> k + "=" + encode(v))
                .list().ofMaxSize(4).map(q -> q.isEmpty() ? "" : "?" + String.join("&", q));
        Arbitrary<String> path = Arbitraries.oneOf(
                Arbitraries.of("/api/products", "/api/domains", "/api/lineage", "/api/health", "/metrics", "/", "/index.html",
                        "/api", "/api/", "/api/nothing", "/app.js", "/../etc/passwd"),
                name.map(n -> "/api/products/" + n), name.map(n -> "/api/products/" + n + "/sample"));
        return Combinators.combine(path, query).as(String::concat);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static HttpResponse<String> send(String method, String path, String body, String contentType) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(catalog + path)).timeout(Duration.ofSeconds(90))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}
