package io.meshbone.platform.mesh;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshbone.platform.control.MeshJson;

/**
 * Where a data product lives, as the catalog answers {@code GET /api/products/{name}}.
 *
 * @param name              the product name, {@code <domain>.<product>}
 * @param bootstrapServers  the Kafka cluster
 * @param topic             the governed product topic consumers read
 * @param stagingTopic      the topic producers write to
 * @param dlqTopic          where the gate puts records it rejects
 * @param schemaRegistryUrl the registry holding the product's schemas
 * @param keyField          the value field the key is made of, or null when the key has its own Avro schema
 * @param keySubject        the product's key subject ({@code <topic>-key}) when the key has its own Avro schema, else null
 */
public record ProductAddress(String name, String bootstrapServers, String topic, String stagingTopic, String dlqTopic,
                             String schemaRegistryUrl, String keyField, String keySubject) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** Asks the catalog at {@code catalogUrl} for {@code name}'s address. */
    public static ProductAddress resolve(String catalogUrl, String name) {
        URI uri = URI.create(catalogUrl + "/api/products/" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = MeshJson.tree(response.body());
            if (response.statusCode() != 200) {
                throw new IllegalArgumentException("catalog " + catalogUrl + " cannot resolve '" + name + "': "
                        + body.path("message").asText("HTTP " + response.statusCode()));
            }
            JsonNode a = body.path("address");
            return new ProductAddress(name, a.path("bootstrapServers").asText(), a.path("topic").asText(),
                    a.path("stagingTopic").asText(), a.path("dlqTopic").asText(), a.path("schemaRegistryUrl").asText(),
                    a.path("keyField").isTextual() ? a.path("keyField").asText() : null,
                    a.path("subjects").path("key").isTextual() ? a.path("subjects").path("key").asText() : null);
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the catalog at " + catalogUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the catalog for " + name, e);
        }
    }
}
