package io.meshbone.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.localkafka.testing.TestTopics;
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
 * Arbitrary requests to every registry endpoint of a real server on the shared broker: random JSON bodies (wrong types
 * for every known field included), path segments, query parameters and content types. Every answer is 2xx or 4xx,
 * and every 4xx carries {@code error_code} and {@code message}.
 */
class RegistryFuzzIT {

    private static final List<String> TEMPLATES = List.of(
            "GET /subjects", "POST /subjects/{subject}", "DELETE /subjects/{subject}", "GET /subjects/{subject}/versions",
            "POST /subjects/{subject}/versions", "GET /subjects/{subject}/versions/{version}",
            "GET /subjects/{subject}/versions/{version}/schema", "GET /subjects/{subject}/versions/{version}/referencedby",
            "DELETE /subjects/{subject}/versions/{version}", "GET /subjects/{subject}/metadata", "GET /schemas",
            "GET /schemas/types", "GET /schemas/ids/{id}", "GET /schemas/ids/{id}/schema", "GET /schemas/ids/{id}/subjects",
            "GET /schemas/ids/{id}/versions", "GET /", "POST /", "GET /contexts", "GET /v1/metadata/id", "GET /v1/metadata/version",
            "GET /config", "PUT /config", "DELETE /config", "GET /config/{subject}", "PUT /config/{subject}",
            "DELETE /config/{subject}", "GET /mode", "PUT /mode", "GET /mode/{subject}", "PUT /mode/{subject}",
            "DELETE /mode/{subject}", "POST /compatibility/subjects/{subject}/versions",
            "POST /compatibility/subjects/{subject}/versions/{version}", "PATCH /subjects/{subject}", "PUT /schemas/ids/{id}");
    private static final List<String> QUERY_NAMES = List.of("permanent", "deleted", "deletedOnly", "normalize", "verbose",
            "defaultToGlobal", "force", "subjectPrefix", "offset", "limit", "subject", "fetchMaxId", "latestOnly", "lookupDeletedSchema");

    private static SchemaRegistryServer registry;
    private static Http http;
    private static String known;

    @BeforeContainer
    static void start() {
        KafkaCluster kafka = SharedKafka.acquire();
        registry = Registries.start(kafka, Registries.uniqueTopic());
        http = new Http(registry.url());
        known = TestTopics.unique("fuzz") + "-value";
        assertThat(http.post("/subjects/" + known + "/versions",
                Http.schemaBody(Registries.record("Known", Registries.field("a", "int")))).status()).isEqualTo(200);
    }

    @AfterContainer
    static void stop() {
        if (registry != null) {
            registry.close();
        }
        SharedKafka.release();
    }

    @Property(tries = 800)
    void everyAnswerIs2xxOr4xxWithAnErrorBody(@ForAll("requests") FuzzRequest request) {
        Http.Answer answer = http.send(request.method(), request.path(), request.body(), request.contentType());
        Statistics.label("status").collect(answer.status() / 100 + "xx " + (answer.json() == null ? "" : answer.json().path("error_code").asText()));
        assertThat(answer.status()).as("%s -> %s", request, answer.body()).isBetween(200, 499);
        if (answer.status() >= 400) {
            assertThat(answer.json()).as("%s -> %s", request, answer.body()).isNotNull();
            assertThat(answer.json().path("error_code").isInt()).as("%s -> %s", request, answer.body()).isTrue();
            assertThat(answer.json().path("message").isTextual()).as("%s -> %s", request, answer.body()).isTrue();
        }
    }

    /** One request: method, path with its query, body (null for none) and content type. */
    record FuzzRequest(String method, String path, String body, String contentType) {
    }

    @Provide
    Arbitrary<FuzzRequest> requests() {
        Arbitrary<String> template = Arbitraries.of(TEMPLATES);
        Arbitrary<String> query = Combinators.combine(Arbitraries.of(QUERY_NAMES), FuzzJson.queryValues())
                .as((k, v) -> k + "=" + encode(v)).list().ofMaxSize(3).map(q -> q.isEmpty() ? "" : "?" + String.join("&", q));
        Arbitrary<String> body = Arbitraries.frequencyOf(Tuple.of(6, FuzzJson.registryBodies()),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(64)), Tuple.of(1, Arbitraries.just(null)));
        return Combinators.combine(template, segments(), segments(), segments(), query, body, FuzzJson.contentTypes())
                .as((t, subject, version, id, q, b, type) -> {
                    String[] parts = t.split(" ", 2);
                    String path = parts[1].replace("{subject}", subject).replace("{version}", version).replace("{id}", id);
                    return new FuzzRequest(parts[0], path + q, b, type);
                });
    }

    private Arbitrary<String> segments() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("1", "-1", "latest", "0", "2147483647", "2147483648", "-2147483649", "1.5", "1e3",
                        "%20", "..", "%2F", "%00", "%C3%A9", "+", "LATEST", "x%3Bdrop")),
                Tuple.of(2, Arbitraries.create(() -> known)),
                Tuple.of(3, Arbitraries.strings().ofMinLength(1).ofMaxLength(40).map(RegistryFuzzIT::encode)),
                Tuple.of(1, Arbitraries.strings().alpha().ofLength(3000)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
