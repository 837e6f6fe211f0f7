package io.meshbone.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshbone.governance.Governance;
import io.meshbone.governance.GovernanceSettings;
import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.registry.SchemaRegistryServer;
import io.meshbone.registry.SchemaRegistrySettings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The catalog in secure mode signs callers in and applies as them; in both modes a cross-site POST is refused. */
@ExtendWith(SharedKafka.class)
class CatalogSecurityIT {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String DOMAIN = "sc" + letters();

    @Test
    void appliesAsTheSignedInPrincipalAndRefusesStrangers(KafkaCluster kafka, @TempDir Path dir) throws Exception {
        Path users = Files.writeString(dir.resolve("http-users.properties"), "team-" + DOMAIN + ": t-pw\nadmin: a-pw\n");
        try (SchemaRegistryServer registry = SchemaRegistryServer.start(SchemaRegistrySettings.defaults(kafka.bootstrapServers())
                     .withHost("127.0.0.1").withPort(0));
             Governance governance = Governance.start(new GovernanceSettings(kafka.clientConfig(), registry.url().toString(),
                     dir.resolve("gate"), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Duration.ofSeconds(30)));
             CatalogServer catalog = CatalogServer.start(CatalogSettings.defaults(kafka.bootstrapServers(), registry.url().toString())
                     .withHost("127.0.0.1").withPort(0).withUsersFile(users))) {
            URI base = catalog.url();
            String team = basic("team-" + DOMAIN, "t-pw");

            HttpResponse<String> anonymous = send(base, "GET", "/api/products", null, null, null, null);
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(MeshJson.tree(anonymous.body()).path("status").asInt()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic realm="));
            assertThat(send(base, "GET", "/api/products", null, null, basic("team-" + DOMAIN, "wrong"), null).statusCode()).isEqualTo(401);
            assertThat(send(base, "POST", "/api/products", body(null), "application/json", null, null).statusCode()).isEqualTo(401);

            HttpResponse<String> forged = send(base, "POST", "/api/products", body("User:admin"), "application/json", team, null);
            assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
            assertThat(MeshJson.tree(forged.body()).path("message").asText()).contains("User:team-" + DOMAIN).contains("User:admin");
            assertThat(send(base, "POST", "/api/products", body(null), "text/plain", team, null).statusCode()).isEqualTo(415);
            assertThat(send(base, "POST", "/api/products", body(null), "application/json", team, "https://evil.example").statusCode())
                    .isEqualTo(403);

            await().atMost(Duration.ofSeconds(120)).until(governance::running);
            HttpResponse<String> applied = send(base, "POST", "/api/products", body(null), "application/json", team, base.toString());
            assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                HttpResponse<String> detail = send(base, "GET", "/api/products/" + DOMAIN + ".widget", null, null, team, null);
                assertThat(detail.statusCode()).isEqualTo(200);
                JsonNode versions = MeshJson.tree(detail.body()).path("versions");
                assertThat(versions.get(versions.size() - 1).path("principal").asText()).isEqualTo("User:team-" + DOMAIN);
            });
        }
    }

    @Test
    void inOpenModeRefusesCrossSiteAndNonJsonPostsAndLetsJsonThrough(KafkaCluster kafka) throws Exception {
        try (CatalogServer catalog = CatalogServer.start(CatalogSettings.defaults(kafka.bootstrapServers(), "http://127.0.0.1:1")
                .withHost("127.0.0.1").withPort(0))) {
            URI base = catalog.url();
            HttpResponse<String> plain = send(base, "POST", "/api/products", body(null), "text/plain", null, null);
            assertThat(plain.statusCode()).isEqualTo(415);
            assertThat(MeshJson.tree(plain.body()).path("status").asInt()).isEqualTo(415);
            HttpResponse<String> form = send(base, "POST", "/api/policies", "document=x", "application/x-www-form-urlencoded", null, null);
            assertThat(form.statusCode()).isEqualTo(415);
            HttpResponse<String> evil = send(base, "POST", "/api/products", body(null), "application/json", null, "https://evil.example");
            assertThat(evil.statusCode()).isEqualTo(403);
            assertThat(MeshJson.tree(evil.body()).path("message").asText()).contains("https://evil.example");
            // JSON from the catalog's own page gets through to the endpoint, which finds the body lacking.
            HttpResponse<String> json = send(base, "POST", "/api/products", "{}", "application/json", null, base.toString());
            assertThat(json.statusCode()).as(json.body()).isEqualTo(400);
            assertThat(send(base, "GET", "/api/products", null, null, null, "https://evil.example").statusCode())
                    .as("reads need no sign-in in open mode").isEqualTo(200);
        }
    }

    private static String body(String principal) throws Exception {
        String descriptor = """
                apiVersion: meshbone/v1
                kind: DataProduct
                metadata: {name: widget, domain: %s, owner: team-%s@example.com, description: Widgets made.}
                spec:
                  version: 1.0.0
                  type: event
                  key: {field: id}
                  value: {schema: widget.avsc}
                  compatibility: BACKWARD
                  classification: internal
                  partitions: 1
                  retention: 1d
                  slo: {freshness: 5m}
                """.formatted(DOMAIN, DOMAIN);
        String avsc = "{\"type\":\"record\",\"name\":\"Widget\",\"namespace\":\"io.meshbone.test\",\"doc\":\"A widget.\","
                + "\"fields\":[{\"name\":\"id\",\"type\":\"string\",\"doc\":\"Its id.\"}]}";
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("descriptor", descriptor, "files", Map.of("widget.avsc", avsc),
                "descriptorPath", DOMAIN + "/widget.product.yaml"));
        if (principal != null) {
            body.put("principal", principal);
        }
        return MeshJson.write(body);
    }

    private static HttpResponse<String> send(URI base, String method, String path, String body, String contentType,
                                             String authorization, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(90))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (origin != null) {
            request.header("Origin", origin.replaceAll("/$", ""));
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String letters() {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            name.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return name.toString();
    }
}
